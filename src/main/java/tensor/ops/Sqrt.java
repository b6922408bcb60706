package tensor.ops;

import tensor.Tensor;
import tensor.backend.Unary;

/** y = √x; dy/dx = 1/(2√x) (see {@link Unary#SQRT}). x must be positive for a finite gradient. */
public final class Sqrt {
    private Sqrt() {}

    public static Tensor apply(Tensor x) {
        return UnaryOp.apply(Unary.SQRT, 0f, x);
    }
}
