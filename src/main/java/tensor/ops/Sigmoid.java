package tensor.ops;

import tensor.Tensor;
import tensor.backend.Unary;

/** y = σ(x) = 1/(1 + e^−x), computed without overflow; dy/dx = y(1 − y) (see {@link Unary#SIGMOID}). */
public final class Sigmoid {
    private Sigmoid() {}

    public static Tensor apply(Tensor x) {
        return UnaryOp.apply(Unary.SIGMOID, 0f, x);
    }
}
