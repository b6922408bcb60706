package tensor.ops;

import tensor.Tensor;
import tensor.backend.Unary;

/** y = x^p; dy/dx = p·x^(p−1) (see {@link Unary#POW}). */
public final class Pow {
    private Pow() {}

    public static Tensor apply(Tensor x, float p) {
        return UnaryOp.apply(Unary.POW, p, x);
    }
}
