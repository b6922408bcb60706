package lassi.bench;

import java.util.Arrays;

/**
 * Times a repetition: warm-up runs first (the JIT compiles the hot loops; at least the given
 * number and {@link #WARMUP_SECONDS}), then at least {@link #MIN_REPS} timed runs, more while
 * they take under {@link #TARGET_SECONDS} in total.
 */
final class Timing {
    static final int MIN_REPS = 5, MAX_REPS = 50;
    static final double WARMUP_SECONDS = 1.0, TARGET_SECONDS = 2.0;
    static final int MIN_WARMUPS = 3;

    /** Median and minimum of the timed repetitions, in seconds. */
    record Result(double secondsMedian, double secondsMin, int reps) {}

    private Timing() {}

    static Result measure(Runnable rep, int warmups) {
        long start = System.nanoTime();
        for (int i = 0; i < warmups || System.nanoTime() - start < WARMUP_SECONDS * 1e9; i++) rep.run();
        double[] seconds = new double[MAX_REPS];
        double total = 0;
        int reps = 0;
        while (reps < MIN_REPS || (reps < MAX_REPS && total < TARGET_SECONDS)) {
            long t = System.nanoTime();
            rep.run();
            seconds[reps] = (System.nanoTime() - t) * 1e-9;
            total += seconds[reps++];
        }
        double[] sorted = Arrays.copyOf(seconds, reps);
        Arrays.sort(sorted);
        double median = reps % 2 == 1 ? sorted[reps / 2] : 0.5 * (sorted[reps / 2 - 1] + sorted[reps / 2]);
        return new Result(median, sorted[0], reps);
    }
}
