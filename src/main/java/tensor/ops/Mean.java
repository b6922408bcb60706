package tensor.ops;

import tensor.Tensor;

/**
 * y = (1/n) Σ x over the given axes (all when none are given), n = the number of elements
 * reduced into each output. dL/dx = dL/dy / n broadcast back, which the composition
 * Scale(Sum(x), 1/n) gives.
 */
public final class Mean {
    private Mean() {}

    public static Tensor apply(Tensor x, boolean keepDims, int... axes) {
        boolean[] reduced = Axes.reduced("mean", x.shape(), axes);
        int n = 1;
        for (int d = 0; d < reduced.length; d++) if (reduced[d]) n *= x.dim(d);
        if (n == 0) throw new IllegalArgumentException("mean: averaging over an empty axis of shape " + x.shape());
        return Scale.apply(Sum.apply(x, keepDims, axes), 1f / n);
    }
}
