package tensor.ops;

import tensor.Tensor;
import tensor.backend.Unary;

/** y = e^x; dy/dx = y (see {@link Unary#EXP}). */
public final class Exp {
    private Exp() {}

    public static Tensor apply(Tensor x) {
        return UnaryOp.apply(Unary.EXP, 0f, x);
    }
}
