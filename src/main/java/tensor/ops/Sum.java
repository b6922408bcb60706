package tensor.ops;

import tensor.Shape;
import tensor.Tensor;
import tensor.backend.Backend;
import tensor.backend.Backends;
import tensor.backend.Binary;

/**
 * y = Σ x over the given axes (all axes when none are given, giving a scalar of shape []).
 * dL/dx = dL/dy broadcast back over the summed axes.
 */
public final class Sum {
    private Sum() {}

    public static Tensor apply(Tensor x, boolean keepDims, int... axes) {
        boolean[] reduced = Axes.reduced("sum", x.shape(), axes);
        Shape kept = Axes.reduce(x.shape(), reduced, true);      // summed axes kept as 1
        float[] y = new float[kept.size()];
        Backends.current().sumTo(x.data(), x.shape(), y, kept);
        return Tensor.result(Axes.reduce(x.shape(), reduced, keepDims), y, out -> {
            if (!x.requiresGrad()) return;
            Backend backend = Backends.current();
            float[] dX = new float[x.size()];                      // dx + broadcast(dy), then stored
            backend.binary(Binary.ADD, x.grad(), x.shape(), out.grad(), kept, dX, x.shape());
            System.arraycopy(dX, 0, x.grad(), 0, dX.length);
        }, x);
    }
}
