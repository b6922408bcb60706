package tensor.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The worker team: every item exactly once, failures reach the caller, nesting and concurrent callers work. */
class ParallelTest {
    @Test void everyItemRunsExactlyOnceInContiguousRanges() {
        for (int threads = 1; threads <= 3; threads++) {
            Parallel parallel = new Parallel(threads);
            for (int n : new int[] {0, 1, 2, 7, 1000}) {
                for (int rep = 0; rep < 50; rep++) {                // many jobs in a row: the hand-off is reused
                    AtomicIntegerArray counts = new AtomicIntegerArray(n);
                    parallel.forRange(n, 1, (from, to) -> {
                        for (int i = from; i < to; i++) counts.incrementAndGet(i);
                    });
                    for (int i = 0; i < n; i++) assertThat(counts.get(i)).as("item %d of %d, %d threads", i, n, threads).isEqualTo(1);
                }
            }
        }
    }

    @Test void aFailureInAWorkerRangeReachesTheCallerAndTheTeamGoesOn() {
        Parallel parallel = new Parallel(2);
        assertThatThrownBy(() -> parallel.forRange(100, 1, (from, to) -> {
            if (from == 0) throw new IllegalArgumentException("range starting at 0");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("range starting at 0");
        AtomicIntegerArray counts = new AtomicIntegerArray(100);
        parallel.forRange(100, 1, (from, to) -> {
            for (int i = from; i < to; i++) counts.incrementAndGet(i);
        });
        for (int i = 0; i < 100; i++) assertThat(counts.get(i)).isEqualTo(1);
    }

    @Test void nestedLoopsAndConcurrentCallersRunToCompletion() throws InterruptedException {
        Parallel parallel = new Parallel(2);
        AtomicIntegerArray counts = new AtomicIntegerArray(4 * 10 * 10);
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int caller = c;
            Thread t = new Thread(() -> {
                for (int r = 0; r < 200; r++) {
                    boolean count = r == 0;
                    parallel.forRange(10, 1, (from, to) -> {
                        for (int i = from; i < to; i++) {
                            int outer = i;
                            parallel.forRange(10, 1, (f2, t2) -> {
                                if (count) for (int j = f2; j < t2; j++) counts.incrementAndGet((caller * 10 + outer) * 10 + j);
                            });
                        }
                    });
                }
            });
            callers.add(t);
            t.start();
        }
        for (Thread t : callers) t.join(20_000);
        for (int i = 0; i < counts.length(); i++) assertThat(counts.get(i)).as("item %d", i).isEqualTo(1);
    }
}
