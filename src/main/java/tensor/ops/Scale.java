package tensor.ops;

import tensor.Tensor;
import tensor.backend.Unary;

/** y = c·x; dy/dx = c (see {@link Unary#SCALE}). */
public final class Scale {
    private Scale() {}

    public static Tensor apply(Tensor x, float c) {
        return UnaryOp.apply(Unary.SCALE, c, x);
    }
}
