package tensor.ops;

import tensor.Tensor;

/**
 * The L2 norm along one axis: y = √(Σ_k x_k²), summed in double. dx_k = dy · x_k / y, and 0 when
 * y = 0 (the zero vector, where the norm has no gradient; this subgradient matches PyTorch).
 */
public final class Norm {
    private Norm() {}

    public static Tensor apply(Tensor x, int axis, boolean keepDims) {
        Axes.Split s = Axes.split("norm", x.shape(), axis);
        float[] xs = x.data(), y = new float[s.outer() * s.inner()];
        for (int o = 0; o < s.outer(); o++)
            for (int i = 0; i < s.inner(); i++) {
                double sq = 0;
                for (int k = 0; k < s.n(); k++) sq += (double) xs[s.at(o, k, i)] * xs[s.at(o, k, i)];
                y[o * s.inner() + i] = (float) Math.sqrt(sq);
            }
        return Tensor.result(Axes.reduce("norm", x.shape(), axis, keepDims), y, out -> {
            if (!x.requiresGrad()) return;
            float[] dX = x.grad(), dY = out.grad();
            for (int o = 0; o < s.outer(); o++)
                for (int i = 0; i < s.inner(); i++) {
                    float norm = y[o * s.inner() + i];
                    if (norm == 0f) continue;                            // zero vector: gradient 0
                    float scale = dY[o * s.inner() + i] / norm;
                    for (int k = 0; k < s.n(); k++) dX[s.at(o, k, i)] += scale * xs[s.at(o, k, i)];
                }
        }, x);
    }
}
