package tensor.ops;

import tensor.Shape;
import tensor.Tensor;
import tensor.backend.Backend;
import tensor.backend.Backends;

/**
 * The fully connected layer as torch.nn.functional.linear: y = x · wᵀ + b for x [B, I],
 * w [O, I], b [O]. Backward (gemm on the current backend): dx += dy · w, dw += dyᵀ · x,
 * db += Σ_rows dy.
 */
public final class Linear {
    private Linear() {}

    /** x [B, I], w [O, I], bias [O] or null → y [B, O]. */
    public static Tensor apply(Tensor x, Tensor w, Tensor bias) {
        if (x.rank() != 2 || w.rank() != 2 || x.dim(1) != w.dim(1))
            throw new IllegalArgumentException("linear: input " + x.shape() + " and weight " + w.shape() + " do not fit (need [B, I] and [O, I])");
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != w.dim(0)))
            throw new IllegalArgumentException("linear: bias " + bias.shape() + " does not match weight " + w.shape() + " (need [" + w.dim(0) + "])");
        int batch = x.dim(0), in = x.dim(1), outF = w.dim(0);
        float[] y = new float[batch * outF];
        if (bias != null)
            for (int b = 0; b < batch; b++) System.arraycopy(bias.data(), 0, y, b * outF, outF);
        Backends.current().gemm(false, true, batch, outF, in, x.data(), 0, w.data(), 0, y, 0, bias != null);
        return Tensor.result(Shape.of(batch, outF), y, out -> {
            Backend backend = Backends.current();
            float[] dY = out.grad();
            if (x.requiresGrad()) backend.gemm(false, false, batch, in, outF, dY, 0, w.data(), 0, x.grad(), 0, true);
            if (w.requiresGrad()) backend.gemm(true, false, outF, in, batch, dY, 0, x.data(), 0, w.grad(), 0, true);
            if (bias != null && bias.requiresGrad()) {
                float[] dB = bias.grad();
                for (int b = 0; b < batch; b++)
                    for (int o = 0; o < outF; o++) dB[o] += dY[b * outF + o];
            }
        }, x, w, bias);
    }
}
