package tensor.ops;

import tensor.Tensor;

/**
 * y = x[..., from:to, ...] along one axis (copied). Backward adds dy into the same range of dx
 * and leaves the rest of dx untouched.
 */
public final class Slice {
    private Slice() {}

    public static Tensor apply(Tensor x, int axis, int from, int to) {
        Axes.Split s = Axes.split("slice", x.shape(), axis);
        if (from < 0 || from > to || to > s.n())
            throw new IllegalArgumentException("slice: range [" + from + ", " + to + ") out of bounds for axis " + axis + " of shape " + x.shape());
        int len = to - from;
        Axes.Split ys = new Axes.Split(s.outer(), len, s.inner());
        float[] y = new float[s.outer() * len * s.inner()];
        Axes.copyRange(x.data(), s, from, y, ys, 0, len);
        return Tensor.result(x.shape().with(axis, len), y, out -> {
            if (x.requiresGrad()) Axes.addRange(out.grad(), ys, 0, x.grad(), s, from, len);
        }, x);
    }
}
