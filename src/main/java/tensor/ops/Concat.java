package tensor.ops;

import tensor.Shape;
import tensor.Tensor;

/**
 * Joins tensors along one axis: y = [x_0, x_1, ...] with the axis length Σ n_t; every other
 * dimension must agree. Backward hands each input the range of dy it filled.
 */
public final class Concat {
    private Concat() {}

    public static Tensor apply(int axis, Tensor... xs) {
        if (xs.length == 0) throw new IllegalArgumentException("concat: no tensors given");
        Shape first = xs[0].shape();
        int a = Axes.normalize("concat", first, axis);
        int[] offsets = new int[xs.length + 1];                 // x_t fills [offsets[t], offsets[t+1]) of the axis
        for (int t = 0; t < xs.length; t++) {
            Shape s = xs[t].shape();
            if (s.rank() != first.rank() || !s.with(a, 1).equals(first.with(a, 1)))
                throw new IllegalArgumentException("concat: shapes " + first + " and " + s + " differ outside axis " + axis);
            offsets[t + 1] = offsets[t] + s.dim(a);
        }
        Shape outShape = first.with(a, offsets[xs.length]);
        Axes.Split ys = Axes.split("concat", outShape, a);
        float[] y = new float[outShape.size()];
        for (int t = 0; t < xs.length; t++)
            Axes.copyRange(xs[t].data(), Axes.split("concat", xs[t].shape(), a), 0, y, ys, offsets[t], xs[t].dim(a));
        Tensor[] inputs = xs.clone();
        return Tensor.result(outShape, y, out -> {
            for (int t = 0; t < inputs.length; t++) {
                Tensor x = inputs[t];
                if (x.requiresGrad()) Axes.addRange(out.grad(), ys, offsets[t], x.grad(), Axes.split("concat", x.shape(), a), 0, x.dim(a));
            }
        }, inputs);
    }
}
