package tensor.random;

import java.util.SplittableRandom;

/**
 * A seeded random generator. Every stage that draws randomness takes one, built from an explicit
 * seed; nothing in the project draws from an unseeded source. The Gaussian is our own Box–Muller
 * (not the JDK's), so a seed gives the same stream on every JDK.
 *
 * <p>Parallel work never shares a generator: it {@link #split(long)}s one per work item (for
 * example per test point or per batch row), so results do not depend on the number of threads.
 */
public final class Rng {
    private final SplittableRandom random;
    private double spareGaussian;
    private boolean hasSpare;

    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** U[0, 1) with 53 random bits. */
    public double nextDouble() { return random.nextDouble(); }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) { return random.nextInt(bound); }

    public long nextLong() { return random.nextLong(); }

    /** N(0, 1) by the Box–Muller transform; values come in pairs, the second is kept for the next call. */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u1 = 1.0 - random.nextDouble();          // (0, 1]: log is finite
        double u2 = random.nextDouble();
        double r = Math.sqrt(-2.0 * Math.log(u1));
        spareGaussian = r * Math.sin(2 * Math.PI * u2);
        hasSpare = true;
        return r * Math.cos(2 * Math.PI * u2);
    }

    /**
     * An independent generator determined by this generator's seed and {@code key} alone (not by
     * how many values were drawn before), for per-item streams in parallel code.
     */
    public static Rng derive(long seed, long key) {
        return new Rng(new SplittableRandom(mix(seed) ^ mix(key + 0x9E3779B97F4A7C15L)));
    }

    /** A new generator seeded from this one's stream. */
    public Rng split() {
        return new Rng(random.split());
    }

    /** Fisher–Yates shuffle of {@code a} in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static long mix(long z) {                    // SplitMix64 finaliser
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
