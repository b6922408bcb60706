package tensor.ops;

import tensor.Buffers;
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

    /** The full-size partial gradient dL/da (or dL/db) at the output's shape, from dOut: dOut itself or an array of its own. */
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
            if (a.requiresGrad()) sumTo(backend, o.grad(), dA, outShape, a);
            if (b.requiresGrad()) sumTo(backend, o.grad(), dB, outShape, b);
        }, a, b);
    }

    /** x.grad += the partial summed down to x's shape; a partial other than dOut itself is given back. */
    private static void sumTo(Backend backend, float[] dOut, Partial partial, Shape outShape, Tensor x) {
        float[] d = partial.compute(dOut);
        backend.sumTo(d, outShape, x.grad(), x.shape());
        if (d != dOut) Buffers.giveBack(d);
    }

    /** f(dOut, v) at the output's shape, v broadcast from its own shape. */
    static float[] combine(Binary f, float[] dOut, Shape outShape, Tensor v) {
        float[] r = Buffers.uninitialized(outShape.size());
        Backends.current().binary(f, dOut, outShape, v.data(), v.shape(), r, outShape);
        return r;
    }
}
