package tensor.ops;

import tensor.Tensor;
import tensor.backend.Unary;

/**
 * y = log σ(x), fused and computed as min(x, 0) − log1p(e^−|x|) so that e^ never overflows;
 * dy/dx = 1 − σ(x) = σ(−x) (see {@link Unary#LOG_SIGMOID}). Composing Log(Sigmoid(x)) instead
 * gives −∞ and NaN gradients for large negative x.
 */
public final class LogSigmoid {
    private LogSigmoid() {}

    public static Tensor apply(Tensor x) {
        return UnaryOp.apply(Unary.LOG_SIGMOID, 0f, x);
    }
}
