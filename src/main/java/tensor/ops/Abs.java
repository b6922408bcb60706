package tensor.ops;

import tensor.Tensor;
import tensor.backend.Unary;

/** y = |x|; dy/dx = sign(x), 0 at x = 0 as in PyTorch (see {@link Unary#ABS}). */
public final class Abs {
    private Abs() {}

    public static Tensor apply(Tensor x) {
        return UnaryOp.apply(Unary.ABS, 0f, x);
    }
}
