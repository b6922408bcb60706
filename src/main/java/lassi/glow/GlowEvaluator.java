package lassi.glow;

import tensor.Grad;
import tensor.Tensor;

/** Evaluation of a trained Glow on quantised images, without dequantisation noise and without gradient. */
public final class GlowEvaluator {
    private GlowEvaluator() {}

    /** Mean bits/dim over all images [N, 3, S, S], in batches of {@code batchSize} (the last may be smaller). */
    public static double meanBitsPerDim(Glow glow, Tensor images, int batchSize) {
        int n = images.dim(0), d = glow.config().d();
        double sum = 0;
        try (var scope = Grad.disabled()) {
            for (int from = 0; from < n; from += batchSize) {
                int size = Math.min(batchSize, n - from);
                Glow.Output out = glow.forward(Images.slice(images, from, size));
                float[] logdet = out.logdet().data();
                for (int i = 0; i < size; i++)
                    sum += BitsPerDim.of(out.logP().data()[i], logdet[logdet.length == 1 ? 0 : i], d);
            }
        }
        return sum / n;
    }

    /** x' = G⁻¹(G(x)) for images [N, 3, S, S], batch by batch. */
    public static Tensor reconstruct(Glow glow, Tensor images, int batchSize) {
        int n = images.dim(0);
        float[] out = new float[images.size()];
        try (var scope = Grad.disabled()) {
            for (int from = 0; from < n; from += batchSize) {
                int size = Math.min(batchSize, n - from);
                Tensor x = Images.slice(images, from, size);
                Tensor back = glow.reverse(glow.forward(x).zs(), true);
                System.arraycopy(back.data(), 0, out, from * (images.size() / n), back.size());
            }
        }
        return Tensor.of(images.shape(), out);
    }
}
