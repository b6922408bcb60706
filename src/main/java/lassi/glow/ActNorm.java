package lassi.glow;

import tensor.Shape;
import tensor.Tensor;
import tensor.nn.Module;
import tensor.ops.Abs;
import tensor.ops.Add;
import tensor.ops.Div;
import tensor.ops.Log;
import tensor.ops.Mul;
import tensor.ops.Scale;
import tensor.ops.Sub;
import tensor.ops.Sum;

/**
 * ActNorm (§3.2): per-channel affine y = scale[c]·(x + loc[c]), logdet = H·W·Σ_c log|scale[c]|
 * (a scalar, the same for every sample). Data-dependent init on the first forward call: loc =
 * −mean_c, scale = 1/(std_c + 1e−6) over the batch, so that first output has zero mean and unit
 * std per channel. The {@code initialized} flag is saved with the weights, so a loaded model is
 * never re-initialised.
 */
public final class ActNorm extends Module implements FlowLayer {
    private final Tensor loc;          // [1, C, 1, 1]
    private final Tensor scale;        // [1, C, 1, 1]
    private final Tensor initialized;  // [], 0 or 1 (the reference's uint8 buffer)

    public ActNorm(int channels) {
        loc = parameter("loc", Tensor.zeros(1, channels, 1, 1));
        scale = parameter("scale", Tensor.full(Shape.of(1, channels, 1, 1), 1f));
        initialized = buffer("initialized", Tensor.scalar(0f));
    }

    @Override public FlowOutput forward(Tensor x) {                // x [N, C, H, W]
        requireChannels(x);
        if (!isInitialized()) initialize(x);
        Tensor y = Mul.apply(scale, Add.apply(x, loc));
        Tensor logdet = Scale.apply(Sum.apply(Log.apply(Abs.apply(scale)), false), x.dim(2) * x.dim(3));
        return new FlowOutput(y, logdet);
    }

    @Override public Tensor reverse(Tensor y) {                    // y [N, C, H, W]
        requireChannels(y);
        return Sub.apply(Div.apply(y, scale), loc);
    }

    public boolean isInitialized() {
        return initialized.item() != 0f;
    }

    /** Forgets the data-dependent init, so the next forward call redoes it. */
    void resetInitialization() {
        initialized.data()[0] = 0f;
    }

    /**
     * loc[c] = −mean_c, scale[c] = 1/(std_c + 1e−6) over the N·H·W values of channel c, without
     * gradient. std is the unbiased estimator (divisor N·H·W − 1), as torch.std (quirk Q15, kept).
     */
    private void initialize(Tensor x) {
        int n = x.dim(0), c = x.dim(1), hw = x.dim(2) * x.dim(3);
        long count = (long) n * hw;
        if (count < 2)
            throw new IllegalArgumentException("ActNorm init needs at least 2 values per channel, got input " + x.shape());
        float[] v = x.data();
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int i = 0; i < n; i++)
                for (int p = 0, base = (i * c + ch) * hw; p < hw; p++) sum += v[base + p];
            double mean = sum / count, squares = 0;
            for (int i = 0; i < n; i++)
                for (int p = 0, base = (i * c + ch) * hw; p < hw; p++) squares += (v[base + p] - mean) * (v[base + p] - mean);
            double std = Math.sqrt(squares / (count - 1));
            loc.data()[ch] = (float) -mean;
            scale.data()[ch] = (float) (1 / (std + 1e-6));
        }
        initialized.data()[0] = 1f;
    }

    private void requireChannels(Tensor x) {
        if (x.rank() != 4 || x.dim(1) != loc.dim(1))
            throw new IllegalArgumentException("ActNorm over " + loc.dim(1) + " channels: input shape " + x.shape() + " is not [N, " + loc.dim(1) + ", H, W]");
    }
}
