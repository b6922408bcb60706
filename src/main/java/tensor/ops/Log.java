package tensor.ops;

import tensor.Tensor;
import tensor.backend.Unary;

/** y = ln x; dy/dx = 1/x (see {@link Unary#LOG}). x must be positive. */
public final class Log {
    private Log() {}

    public static Tensor apply(Tensor x) {
        return UnaryOp.apply(Unary.LOG, 0f, x);
    }
}
