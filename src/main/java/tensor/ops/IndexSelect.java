package tensor.ops;

import tensor.Tensor;

/**
 * Picks slices along one axis, as torch.index_select: y[..., j, ...] = x[..., index[j], ...].
 * An index may repeat; backward adds each dy slice into the slice it came from, so repeated
 * indices accumulate.
 */
public final class IndexSelect {
    private IndexSelect() {}

    public static Tensor apply(Tensor x, int axis, int[] index) {
        Axes.Split s = Axes.split("index_select", x.shape(), axis);
        int[] idx = index.clone();
        for (int j = 0; j < idx.length; j++)
            if (idx[j] < 0 || idx[j] >= s.n())
                throw new IllegalArgumentException("index_select: index " + idx[j] + " at position " + j + " out of range for axis " + axis + " of shape " + x.shape());
        Axes.Split ys = new Axes.Split(s.outer(), idx.length, s.inner());
        float[] y = new float[s.outer() * idx.length * s.inner()];
        for (int j = 0; j < idx.length; j++) Axes.copyRange(x.data(), s, idx[j], y, ys, j, 1);
        return Tensor.result(x.shape().with(axis, idx.length), y, out -> {
            if (!x.requiresGrad()) return;
            for (int j = 0; j < idx.length; j++) Axes.addRange(out.grad(), ys, j, x.grad(), s, idx[j], 1);
        }, x);
    }
}
