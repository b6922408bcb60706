package tensor.ops;

import tensor.Tensor;
import tensor.backend.Unary;

/** y = −x; dy/dx = −1 (see {@link Unary#NEG}). */
public final class Neg {
    private Neg() {}

    public static Tensor apply(Tensor x) {
        return UnaryOp.apply(Unary.NEG, 0f, x);
    }
}
