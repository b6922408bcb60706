package tensor.ops;

import tensor.Tensor;

/**
 * y = max_k x[..., k, ...] along one axis. The gradient goes entirely to the first maximal
 * entry (the index {@link Argmax} picks): dx[argmax] += dy, the other entries get 0.
 */
public final class Max {
    private Max() {}

    public static Tensor apply(Tensor x, int axis, boolean keepDims) {
        Axes.Split s = Axes.split("max", x.shape(), axis);
        int[] argmax = Argmax.apply(x, axis);                     // [outer · inner]
        float[] y = new float[argmax.length];
        for (int o = 0; o < s.outer(); o++)
            for (int i = 0; i < s.inner(); i++) y[o * s.inner() + i] = x.data()[s.at(o, argmax[o * s.inner() + i], i)];
        return Tensor.result(Axes.reduce("max", x.shape(), axis, keepDims), y, out -> {
            if (!x.requiresGrad()) return;
            float[] dX = x.grad(), dY = out.grad();
            for (int o = 0; o < s.outer(); o++)
                for (int i = 0; i < s.inner(); i++) dX[s.at(o, argmax[o * s.inner() + i], i)] += dY[o * s.inner() + i];
        }, x);
    }
}
