package tensor.ops;

import tensor.Tensor;

/**
 * Repeats each slice along one axis {@code repeats} times in place, as torch.repeat_interleave:
 * y[..., k·r + t, ...] = x[..., k, ...] for t < r. Backward sums the r copies:
 * dx[..., k, ...] += Σ_t dy[..., k·r + t, ...].
 */
public final class RepeatInterleave {
    private RepeatInterleave() {}

    public static Tensor apply(Tensor x, int repeats, int axis) {
        Axes.Split s = Axes.split("repeat_interleave", x.shape(), axis);
        if (repeats < 1) throw new IllegalArgumentException("repeat_interleave: repeats " + repeats + " must be >= 1 for shape " + x.shape());
        Axes.Split ys = new Axes.Split(s.outer(), s.n() * repeats, s.inner());
        float[] y = new float[x.size() * repeats];
        for (int k = 0; k < s.n(); k++)
            for (int t = 0; t < repeats; t++) Axes.copyRange(x.data(), s, k, y, ys, k * repeats + t, 1);
        return Tensor.result(x.shape().with(axis, ys.n()), y, out -> {
            if (!x.requiresGrad()) return;
            for (int k = 0; k < s.n(); k++)
                for (int t = 0; t < repeats; t++) Axes.addRange(out.grad(), ys, k * repeats + t, x.grad(), s, k, 1);
        }, x);
    }
}
