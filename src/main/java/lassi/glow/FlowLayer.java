package lassi.glow;

import tensor.Tensor;

/** An invertible layer of the flow with a tractable log-determinant (§3.2–3.6). */
interface FlowLayer {
    /** y = f(x) and log|det ∂f/∂x| for x [N, C, H, W]. */
    FlowOutput forward(Tensor x);

    /** x = f⁻¹(y). */
    Tensor reverse(Tensor y);

    /**
     * The output of a flow layer and its log-determinant: shape [] when it is the same for every
     * sample (ActNorm, 1×1 convolution, additive coupling), [N] when it is per sample (affine coupling).
     */
    record FlowOutput(Tensor y, Tensor logdet) {}
}
