package tensor.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * A fixed pool of worker threads (one per core by default). Work is split into contiguous
 * ranges of independent items; every item is computed by exactly one thread in the same order
 * as sequentially, so results never depend on the number of threads.
 */
public final class Parallel {
    private final int threads;
    private final ExecutorService pool;

    public Parallel(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        ThreadFactory daemon = r -> {
            Thread t = new Thread(r, "tensor-worker");
            t.setDaemon(true);
            return t;
        };
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemon);
    }

    public int threads() { return threads; }

    /** A body over the item range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [0, n) split into at most {@link #threads()} contiguous ranges, the
     * last on the calling thread. {@code minPerTask} keeps tiny loops sequential.
     */
    public void forRange(int n, int minPerTask, RangeBody body) {
        int tasks = Math.min(threads, Math.max(1, n / Math.max(1, minPerTask)));
        if (tasks <= 1 || pool == null || Thread.currentThread().getName().equals("tensor-worker")) {
            if (n > 0) body.run(0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(tasks - 1);
        int chunk = (n + tasks - 1) / tasks;
        for (int t = 0; t < tasks - 1; t++) {
            int from = t * chunk, to = Math.min(n, from + chunk);
            if (from < to) futures.add(pool.submit(() -> body.run(from, to)));
        }
        int lastFrom = (tasks - 1) * chunk;
        RuntimeException failure = null;
        try {
            if (lastFrom < n) body.run(lastFrom, n);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for workers", e);
            } catch (ExecutionException e) {
                if (failure == null) failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
        if (failure != null) throw failure;
    }
}
