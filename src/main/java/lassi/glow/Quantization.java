package lassi.glow;

import tensor.Tensor;
import tensor.random.Rng;

/**
 * The 5-bit image grid of §2.1 (MUST) and the dequantisation noise of Glow training (§3.12).
 * Model inputs lie on {−0.5, −0.46875, …, 0.46875}; noise is added only inside Glow training.
 */
public final class Quantization {
    public static final int N_BITS = 5;
    /** n_bins = 2^n_bits = 32. */
    public static final int N_BINS = 1 << N_BITS;

    private Quantization() {}

    /**
     * x = floor(255·v / 2^(8−n_bits)) / 2^n_bits − 0.5 for v = pixel/255, i.e. the pixel's top
     * n_bits bits over 2^n_bits, shifted to [−0.5, 0.5).
     */
    public static float quantize(int pixel) {
        if (pixel < 0 || pixel > 255) throw new IllegalArgumentException("8-bit pixel value expected, got " + pixel);
        return (pixel >> (8 - N_BITS)) / (float) N_BINS - 0.5f;
    }

    /** x̃ = x + u with u ~ U[0, 1/n_bins) i.i.d. per value, drawn row-major from rng (training only). */
    public static Tensor dequantize(Tensor x, Rng rng) {
        float[] out = x.data().clone();
        for (int i = 0; i < out.length; i++) out[i] += (float) (rng.nextDouble() / N_BINS);
        return Tensor.of(x.shape(), out);
    }
}
