package tensor.ops;

import tensor.Tensor;
import tensor.backend.Unary;

/** y = max(x, min) (the hinge); dy/dx = 1[x > min], so 0 at the kink (see {@link Unary#CLAMP_MIN}). */
public final class ClampMin {
    private ClampMin() {}

    public static Tensor apply(Tensor x, float min) {
        return UnaryOp.apply(Unary.CLAMP_MIN, min, x);
    }
}
