package lassi.glow;

/**
 * The Glow training settings (§3.12, scaled as in §10.3): epochs over the training images, batch
 * size, Adam learning rate, linear warm-up over the first {@code warmup} steps (0 = off, as the
 * reference), a checkpoint every {@code checkpointEvery} steps (0 = only at the end), and the seed
 * that fixes the model init, the data order and the dequantisation noise.
 */
public record GlowTrainOptions(int epochs, int batchSize, double learningRate, int warmup, int checkpointEvery, long seed) {
    public GlowTrainOptions {
        if (epochs < 1) throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        if (batchSize < 2) throw new IllegalArgumentException("--batch-size must be >= 2 (ActNorm init needs a batch), got " + batchSize);
        if (!(learningRate > 0)) throw new IllegalArgumentException("--lr must be > 0, got " + learningRate);
        if (warmup < 0) throw new IllegalArgumentException("--warmup must be >= 0, got " + warmup);
        if (checkpointEvery < 0) throw new IllegalArgumentException("--checkpoint-every must be >= 0, got " + checkpointEvery);
    }

    /** The profile's defaults: its epochs, batch size and learning rate, no warm-up. */
    public static GlowTrainOptions of(GlowProfile profile, int checkpointEvery, long seed) {
        return new GlowTrainOptions(profile.epochs, profile.batchSize, profile.learningRate, 0, checkpointEvery, seed);
    }

    /** lr·min(1, step/warmup) for optimizer step 1, 2, …; the constant lr when warm-up is off. */
    public double learningRateAt(long step) {
        return warmup == 0 ? learningRate : learningRate * Math.min(1.0, step / (double) warmup);
    }

    /** One line for run headers. */
    public String describe() {
        return epochs + " epochs, batch " + batchSize + ", Adam lr " + learningRate + ", warm-up " + warmup
                + ", checkpoint every " + checkpointEvery + ", seed " + seed;
    }
}
