package lassi.glow;

import lassi.data.Preprocess;
import tensor.Tensor;
import tensor.random.Rng;

/**
 * The dequantisation noise of Glow training (§3.12): images on the 5-bit grid of §2.1 get
 * u ~ U[0, 1/n_bins) added per value, so the model sees a continuous density whose integral over
 * each bin is the probability of the discrete value. Only inside Glow training (MUST, §10.1).
 */
public final class Dequantization {
    /** n_bins = 2^n_bits = 32. */
    public static final int N_BINS = Preprocess.N_BINS;

    private Dequantization() {}

    /** x̃ = x + u with u ~ U[0, 1/n_bins) i.i.d. per value, drawn row-major from rng. */
    public static Tensor dequantize(Tensor x, Rng rng) {
        float[] out = x.data().clone();
        for (int i = 0; i < out.length; i++) out[i] += (float) (rng.nextDouble() / N_BINS);
        return Tensor.of(x.shape(), out);
    }
}
