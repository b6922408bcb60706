package tensor.ops;

import tensor.Tensor;
import tensor.backend.Backends;
import tensor.backend.Unary;

/**
 * The shared mechanism of the element-wise ops: forward y = f(x; p) and backward
 * dx += dy · f'(x), both run by the current backend. The function and its derivative are
 * defined side by side in {@link Unary}.
 */
final class UnaryOp {
    private UnaryOp() {}

    static Tensor apply(Unary f, float p, Tensor x) {
        float[] y = new float[x.size()];
        Backends.current().unary(f, p, x.data(), y);
        return Tensor.result(x.shape(), y,
                out -> Backends.current().unaryBackward(f, p, x.data(), out.data(), out.grad(), x.grad()), x);
    }
}
