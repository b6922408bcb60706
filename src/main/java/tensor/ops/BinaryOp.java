package tensor.ops;

import tensor.Shape;
import tensor.Tensor;
import tensor.backend.Backend;
import tensor.backend.Backends;
import tensor.backend.Binary;

/**
 * The shared mechanism of the broadcasting binary ops: out = f(a, b) over the NumPy-broadcast
 * shape; in backward, each input's gradient is computed at the output's shape and summed back
 * down to the input's shape (the reverse of broadcasting).
 */
final class BinaryOp {
    private BinaryOp() {}

    /** The full-size partial gradient dL/da (or dL/db) at the output's shape, from dOut. */
    @FunctionalInterface
    interface Partial {
        float[] compute(float[] dOut);
    }

    static Tensor apply(Binary f, Tensor a, Tensor b, Partial dA, Partial dB) {
        Shape outShape = Shape.broadcast(a.shape(), b.shape());
        float[] out = new float[outShape.size()];
        Backends.current().binary(f, a.data(), a.shape(), b.data(), b.shape(), out, outShape);
        return Tensor.result(outShape, out, o -> {
            Backend backend = Backends.current();
            if (a.requiresGrad()) backend.sumTo(dA.compute(o.grad()), outShape, a.grad(), a.shape());
            if (b.requiresGrad()) backend.sumTo(dB.compute(o.grad()), outShape, b.grad(), b.shape());
        }, a, b);
    }

    /** f(dOut, v) at the output's shape, v broadcast from its own shape. */
    static float[] combine(Binary f, float[] dOut, Shape outShape, Tensor v) {
        float[] r = new float[outShape.size()];
        Backends.current().binary(f, dOut, outShape, v.data(), v.shape(), r, outShape);
        return r;
    }
}
