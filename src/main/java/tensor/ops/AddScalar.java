package tensor.ops;

import tensor.Tensor;
import tensor.backend.Unary;

/** y = x + c; dy/dx = 1 (see {@link Unary#ADD_SCALAR}). */
public final class AddScalar {
    private AddScalar() {}

    public static Tensor apply(Tensor x, float c) {
        return UnaryOp.apply(Unary.ADD_SCALAR, c, x);
    }
}
