package tensor.backend;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of worker threads (one per core by default, the caller being one of them). Work
 * is split into contiguous ranges of independent items; every item is computed by exactly one
 * thread in the same order as sequentially, so results never depend on the number of threads.
 *
 * <p>A training step forks hundreds of loops of a fraction of a millisecond each, so the hand-off
 * must be cheap: the caller publishes a job and the workers, which spin for a short while after
 * each job ({@link #SPIN_NANOS}) before they park, pick up ranges at once (a thread-pool
 * hand-off, which parks and wakes a thread every time, costs ~20 µs here). Ranges are claimed,
 * not assigned: the caller also runs every range no worker has claimed yet, so a worker that is
 * late (parked, or waiting for a core on a machine busy with other programs) costs nothing. The
 * caller then waits for ranges claimed by workers the same way, spinning briefly, then parking.
 * While a job runs, further calls (nested ones from the job's own ranges, or from other threads)
 * run sequentially.
 */
public final class Parallel {
    /** How long a waiting thread spins before it parks (long spins would starve other programs). */
    private static final long SPIN_NANOS = 50_000;
    private static final String WORKER_NAME = "tensor-worker";

    private final int threads;
    private final Worker[] workers;                 // threads − 1 of them
    private final AtomicBoolean running = new AtomicBoolean();    // a job is in flight (not reentrant: see forRange)
    private volatile Job job;                       // the job running now, null between jobs
    private long published;                         // jobs published so far (while holding running)

    /** One published loop of {@code ranges} contiguous ranges, claimed one by one by whoever is free. */
    private static final class Job {
        final long number;                          // 1, 2, ...: workers remember the last one they saw
        final RangeBody body;
        final int n, chunk, ranges;
        final AtomicInteger next = new AtomicInteger();      // the next range to claim
        final AtomicInteger unfinished;                      // ranges not yet finished
        volatile RuntimeException failure;
        volatile Thread waiter;                     // the caller, once it parks in await()

        Job(long number, RangeBody body, int n, int chunk, int ranges) {
            this.number = number;
            this.body = body;
            this.n = n;
            this.chunk = chunk;
            this.ranges = ranges;
            this.unfinished = new AtomicInteger(ranges);
        }

        /** Claims and runs ranges until none is left; the last range to finish wakes a parked caller. */
        void runRanges() {
            for (int r; (r = next.getAndIncrement()) < ranges; ) {
                try {
                    int from = r * chunk, to = Math.min(n, from + chunk);
                    if (from < to) body.run(from, to);
                } catch (RuntimeException e) {
                    failure = e;
                } catch (Error e) {
                    failure = new IllegalStateException("a parallel range failed", e);
                } finally {
                    if (unfinished.decrementAndGet() == 0) {
                        Thread w = waiter;
                        if (w != null) LockSupport.unpark(w);
                    }
                }
            }
        }

        /** Until every range has finished: spins for a while, then parks. */
        void await() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (unfinished.get() > 0 && System.nanoTime() < spinUntil) Thread.onSpinWait();
            if (unfinished.get() == 0) return;
            waiter = Thread.currentThread();
            while (unfinished.get() > 0) LockSupport.park(this);
        }
    }

    public Parallel(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.workers = new Worker[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker();
            workers[w].start();
        }
    }

    public int threads() { return threads; }

    /** A body over the item range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [0, n) split into at most {@link #threads()} contiguous ranges, on
     * the calling thread and the workers. {@code minPerTask} keeps tiny loops sequential.
     */
    public void forRange(int n, int minPerTask, RangeBody body) {
        int ranges = Math.min(threads, Math.max(1, n / Math.max(1, minPerTask)));
        // Nested calls (from a worker, or from the caller's own range) and calls from other threads
        // while a job runs go sequentially: a second job must not replace one the workers have not
        // picked up yet.
        if (ranges <= 1 || Thread.currentThread().getName().equals(WORKER_NAME) || !running.compareAndSet(false, true)) {
            if (n > 0) body.run(0, n);
            return;
        }
        try {
            Job j = new Job(++published, body, n, (n + ranges - 1) / ranges, ranges);
            job = j;
            for (int w = 0; w < ranges - 1; w++) workers[w].wake();
            j.runRanges();
            j.await();
            job = null;                                    // lets the body's arrays go
            if (j.failure != null) throw j.failure;
        } finally {
            running.set(false);
        }
    }

    private final class Worker extends Thread {
        private volatile boolean parked;
        private long seen;                                 // the number of the last job seen

        Worker() {
            super(WORKER_NAME);
            setDaemon(true);
        }

        void wake() {
            if (parked) {
                parked = false;
                LockSupport.unpark(this);
            }
        }

        @Override public void run() {
            while (true) {
                Job j = awaitJob();
                seen = j.number;
                j.runRanges();
            }
        }

        /** Spins for a while, then parks, until a job newer than the last one seen is running. */
        private Job awaitJob() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (true) {
                Job j = job;
                if (j != null && j.number > seen) return j;
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                    continue;
                }
                parked = true;
                j = job;                                   // published between the check and parked = true?
                if (j != null && j.number > seen) {
                    parked = false;
                    return j;
                }
                LockSupport.park(this);
                spinUntil = System.nanoTime() + SPIN_NANOS;
            }
        }
    }
}
