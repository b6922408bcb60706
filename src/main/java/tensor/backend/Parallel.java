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
 * must be cheap: the caller publishes a job and the workers, which spin for a while after each
 * job ({@link #SPIN_NANOS}) before they park, pick up their ranges at once (a thread-pool
 * hand-off, which parks and wakes a thread every time, costs ~20 µs here). While a job runs,
 * further calls (nested ones from the job's own ranges, or from other threads) run sequentially.
 */
public final class Parallel {
    /** How long an idle worker spins before it parks. */
    private static final long SPIN_NANOS = 500_000;
    private static final String WORKER_NAME = "tensor-worker";

    private final int threads;
    private final Worker[] workers;                 // threads − 1 of them; the caller runs the last range
    private final AtomicBoolean running = new AtomicBoolean();    // a job is in flight (not reentrant: see forRange)
    private volatile Job job;                       // the job running now, null between jobs
    private long published;                         // jobs published so far (while holding running)

    /** One published loop: ranges 0 .. tasks − 2 go to the workers of the same index. */
    private static final class Job {
        final long number;                          // 1, 2, ...: workers remember the last one they saw
        final RangeBody body;
        final int n, chunk, tasks;
        final AtomicInteger pending;                // worker ranges not yet finished
        volatile RuntimeException failure;

        Job(long number, RangeBody body, int n, int chunk, int tasks) {
            this.number = number;
            this.body = body;
            this.n = n;
            this.chunk = chunk;
            this.tasks = tasks;
            this.pending = new AtomicInteger(tasks - 1);
        }

        void runRange(int task) {
            int from = task * chunk, to = Math.min(n, from + chunk);
            if (from < to) body.run(from, to);
        }
    }

    public Parallel(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.workers = new Worker[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(w);
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
     * Runs {@code body} over [0, n) split into at most {@link #threads()} contiguous ranges, the
     * last on the calling thread. {@code minPerTask} keeps tiny loops sequential.
     */
    public void forRange(int n, int minPerTask, RangeBody body) {
        int tasks = Math.min(threads, Math.max(1, n / Math.max(1, minPerTask)));
        // Nested calls (from a worker, or from the caller's own range) and calls from other threads
        // while a job runs go sequentially: a second job must not replace one the workers have not
        // picked up yet.
        if (tasks <= 1 || Thread.currentThread().getName().equals(WORKER_NAME) || !running.compareAndSet(false, true)) {
            if (n > 0) body.run(0, n);
            return;
        }
        try {
            Job j = new Job(++published, body, n, (n + tasks - 1) / tasks, tasks);
            job = j;
            for (int w = 0; w < tasks - 1; w++) workers[w].wake();
            RuntimeException failure = null;
            try {
                j.runRange(tasks - 1);
            } catch (RuntimeException e) {
                failure = e;
            }
            while (j.pending.get() > 0) Thread.onSpinWait();
            job = null;                                    // lets the body's arrays go
            if (failure == null) failure = j.failure;
            if (failure != null) throw failure;
        } finally {
            running.set(false);
        }
    }

    private final class Worker extends Thread {
        private final int index;
        private volatile boolean parked;
        private long seen;                                 // the number of the last job seen

        Worker(int index) {
            super(WORKER_NAME);
            this.index = index;
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
                if (index >= j.tasks - 1) continue;        // not needed for this one
                try {
                    j.runRange(index);
                } catch (RuntimeException e) {
                    j.failure = e;
                } catch (Error e) {
                    j.failure = new IllegalStateException("worker failed", e);
                } finally {
                    j.pending.decrementAndGet();
                }
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
