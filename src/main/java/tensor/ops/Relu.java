package tensor.ops;

import tensor.Tensor;
import tensor.backend.Unary;

/** y = max(x, 0); dy/dx = 1[x > 0], so 0 at the kink as in PyTorch (see {@link Unary#RELU}). */
public final class Relu {
    private Relu() {}

    public static Tensor apply(Tensor x) {
        return UnaryOp.apply(Unary.RELU, 0f, x);
    }
}
