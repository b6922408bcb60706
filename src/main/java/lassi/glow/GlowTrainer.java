package lassi.glow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tensor.Grad;
import tensor.Tensor;
import tensor.optim.Adam;
import tensor.random.Rng;

/**
 * Glow training (§3.12): Adam on the bits/dim of dequantised batches. The batches are numbered
 * p = 0, 1, …, epochs·B − 1 (B = full batches per epoch; a smaller tail is dropped so every step
 * sees the same batch size). Batch 0 only initialises ActNorm (one forward pass without gradient,
 * no loss, no step, as the reference); batch p ≥ 1 is optimizer step p. Everything random is a
 * function of (seed, p): epoch e visits the images in a permutation drawn from derive(seed, e),
 * batch p is dequantised with noise from derive(seed, p). So a run resumed from the checkpoint of
 * step s continues exactly as the uninterrupted run. A non-finite loss or gradient stops the run
 * before the step, leaving the last checkpoint as it was.
 */
public final class GlowTrainer {
    private static final long ORDER_KEY = 1L << 40, NOISE_KEY = 2L << 40;

    /** Receives the progress of a run (the command shows a progress bar; tests record). */
    public interface Listener {
        /** After the ActNorm init on batch 0 (not called on a resumed run). */
        void initialized(double validBitsPerDim);

        void step(long step, long totalSteps, double bitsPerDim, int images);

        /** After every epoch; validBitsPerDim is the mean over the validation images, without noise. */
        void epoch(int epoch, double trainBitsPerDim, double validBitsPerDim);

        void checkpoint(long step);
    }

    /** Thrown when the loss or a gradient is not finite; the message names the step. */
    public static final class Diverged extends RuntimeException {
        Diverged(String message) {
            super(message);
        }
    }

    /** Validation bits/dim right after the ActNorm init (NaN when resumed) and after each epoch. */
    public record Summary(long steps, double initialValidBitsPerDim, List<Double> validBitsPerDim) {}

    private final Glow glow;
    private final GlowTrainOptions options;
    private final GlowDirectory out;
    private final GlowDirectory.Header header;
    private final Listener listener;
    private final Adam adam;

    public GlowTrainer(Glow glow, GlowTrainOptions options, GlowDirectory out, GlowDirectory.Header header, Listener listener) {
        this.glow = glow;
        this.options = options;
        this.out = out;
        this.header = header;
        this.listener = listener;
        this.adam = new Adam(glow.namedParameters(), options.learningRate());
    }

    /** Trains from scratch: ActNorm init on batch 0, then every step. train, valid: [N, 3, S, S] on the 5-bit grid. */
    public Summary train(Tensor train, Tensor valid) throws IOException {
        return run(train, valid, 0);
    }

    /** Continues from the checkpoint in the output directory. */
    public Summary resume(Tensor train, Tensor valid) throws IOException {
        return run(train, valid, out.restore(glow, adam));
    }

    private Summary run(Tensor train, Tensor valid, long done) throws IOException {
        int perEpoch = train.dim(0) / options.batchSize();
        if (perEpoch < 1)
            throw new IllegalArgumentException(train.dim(0) + " training images do not fill one batch of " + options.batchSize());
        long total = (long) options.epochs() * perEpoch - 1;                 // batch 0 makes no step
        double initialValid = Double.NaN;
        if (done == 0) {
            try (var scope = Grad.disabled()) {
                glow.forward(batch(train, 0, perEpoch));                     // ActNorm data-dependent init
            }
            initialValid = GlowEvaluator.meanBitsPerDim(glow, valid, options.batchSize());
            listener.initialized(initialValid);
        }
        List<Double> validPerEpoch = new ArrayList<>();
        long lastCheckpoint = done;
        double epochSum = 0;
        int epochSteps = 0;
        for (long p = done + 1; p <= total; p++) {
            double bpd = step(batch(train, p, perEpoch), p, lastCheckpoint);
            epochSum += bpd;
            epochSteps++;
            listener.step(p, total, bpd, options.batchSize());
            if (options.checkpointEvery() > 0 && p % options.checkpointEvery() == 0) {
                out.save(header, glow, adam, p);
                lastCheckpoint = p;
                listener.checkpoint(p);
            }
            if ((p + 1) % perEpoch == 0) {
                double validBpd = GlowEvaluator.meanBitsPerDim(glow, valid, options.batchSize());
                validPerEpoch.add(validBpd);
                listener.epoch((int) ((p + 1) / perEpoch), epochSum / epochSteps, validBpd);
                epochSum = 0;
                epochSteps = 0;
            }
        }
        if (lastCheckpoint != total) {
            out.save(header, glow, adam, total);
            listener.checkpoint(total);
        }
        return new Summary(total, initialValid, validPerEpoch);
    }

    /** One optimizer step on batch p; returns its bits/dim. */
    private double step(Tensor x, long p, long lastCheckpoint) {
        adam.zeroGrad();
        Glow.Output result = glow.forward(x);
        Tensor loss = BitsPerDim.loss(result.logP(), result.logdet(), glow.config().d());
        double bpd = loss.item();
        if (!Double.isFinite(bpd)) throw diverged("bits/dim is " + bpd, p, lastCheckpoint);
        loss.backward();
        for (var param : glow.namedParameters())
            for (float g : param.value().grad())
                if (!Float.isFinite(g)) throw diverged("the gradient of " + param.name() + " is not finite", p, lastCheckpoint);
        adam.setLearningRate(options.learningRateAt(p));
        adam.step();
        return bpd;
    }

    private Diverged diverged(String what, long p, long lastCheckpoint) {
        return new Diverged("Glow training diverged at step " + p + ": " + what + "; stopped before the update; "
                + (lastCheckpoint > 0 ? "the last good checkpoint (step " + lastCheckpoint + ") is kept in " + out.path()
                                      : "no checkpoint had been written to " + out.path()));
    }

    /** Batch p, dequantised: images of epoch p / B in its seeded order, slot p mod B. */
    private Tensor batch(Tensor train, long p, int perEpoch) {
        int epoch = (int) (p / perEpoch), slot = (int) (p % perEpoch);
        int[] order = new int[train.dim(0)];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Rng.derive(options.seed(), ORDER_KEY + epoch).shuffle(order);
        Tensor x = Images.gather(train, order, slot * options.batchSize(), options.batchSize());
        return Dequantization.dequantize(x, Rng.derive(options.seed(), NOISE_KEY + p));
    }
}
