package lassi.glow;

import org.apache.commons.math3.linear.RealMatrix;
import tensor.Tensor;
import tensor.nn.Module;
import tensor.ops.Add;
import tensor.ops.Exp;
import tensor.ops.MatMul;
import tensor.ops.Mul;
import tensor.ops.Reshape;
import tensor.ops.Scale;
import tensor.ops.Sum;
import tensor.random.Rng;

/**
 * Invertible 1×1 convolution, LU-parametrised (§3.3): W = P · L' · U' with
 * L' = L ⊙ M_low + I and U' = U ⊙ M_up + diag(signS ⊙ exp(logS)); P, the masks, signS and I are
 * fixed buffers. logdet = H·W·Σ_c logS[c] (a scalar). Gradients come from the ops that build W.
 * State names as the reference's InvConv2dLU: w_l, w_s (= logS), w_u; buffers w_p, u_mask, l_mask,
 * s_sign, l_eye.
 */
public final class InvConv1x1Lu extends Module implements FlowLayer {
    private final int channels;
    private final Tensor wL;      // [C, C] L, strictly-lower entries used
    private final Tensor wS;      // [C]    logS
    private final Tensor wU;      // [C, C] U, strictly-upper entries used
    private final Tensor wP;      // [C, C] permutation P
    private final Tensor uMask;   // [C, C] strictly-upper 0/1 mask M_up
    private final Tensor lMask;   // [C, C] strictly-lower 0/1 mask M_low = M_upᵀ
    private final Tensor sSign;   // [C]    signS ∈ {±1}
    private final Tensor lEye;    // [C, C] identity

    /** Initialised as W = Q, Q a random orthogonal matrix, through Q = P·L·U (scipy convention). */
    public InvConv1x1Lu(int channels, Rng rng) {
        this.channels = channels;
        OrthogonalInit.Plu plu = OrthogonalInit.lu(OrthogonalInit.randomOrthogonal(rng, channels));
        float[] logS = new float[channels], signS = new float[channels];
        float[] upperMask = new float[channels * channels], eye = new float[channels * channels];
        for (int i = 0; i < channels; i++) {
            double s = plu.u().getEntry(i, i);
            logS[i] = (float) Math.log(Math.abs(s));
            signS[i] = (float) Math.signum(s);
            eye[i * channels + i] = 1f;
            for (int j = i + 1; j < channels; j++) upperMask[i * channels + j] = 1f;
        }
        wL = parameter("w_l", toTensor(plu.l(), Triangle.FULL));
        wS = parameter("w_s", Tensor.of(logS, channels));
        wU = parameter("w_u", toTensor(plu.u(), Triangle.STRICT_UPPER));
        wP = buffer("w_p", toTensor(plu.p(), Triangle.FULL));
        uMask = buffer("u_mask", Tensor.of(upperMask, channels, channels));
        lMask = buffer("l_mask", transpose(upperMask, channels));
        sSign = buffer("s_sign", Tensor.of(signS, channels));
        lEye = buffer("l_eye", Tensor.of(eye, channels, channels));
    }

    /** W [C, C], differentiable in L, U and logS. */
    public Tensor weight() {
        Tensor lower = Add.apply(Mul.apply(wL, lMask), lEye);
        Tensor s = Reshape.apply(Mul.apply(sSign, Exp.apply(wS)), 1, channels);
        Tensor upper = Add.apply(Mul.apply(wU, uMask), Mul.apply(lEye, s));     // I ⊙ s (rows broadcast) = diag(s)
        return MatMul.apply(MatMul.apply(wP, lower), upper);
    }

    @Override public FlowOutput forward(Tensor x) {                // x [N, C, H, W]
        Tensor y = PerPixelMatrix.apply(x, weight());
        return new FlowOutput(y, Scale.apply(Sum.apply(wS, false), x.dim(2) * x.dim(3)));
    }

    @Override public Tensor reverse(Tensor y) {                    // y [N, C, H, W]
        return PerPixelMatrix.applyInverse(y, weight());
    }

    private enum Triangle { FULL, STRICT_UPPER }

    private static Tensor toTensor(RealMatrix m, Triangle part) {
        int c = m.getRowDimension();
        float[] out = new float[c * c];
        for (int i = 0; i < c; i++)
            for (int j = part == Triangle.STRICT_UPPER ? i + 1 : 0; j < c; j++) out[i * c + j] = (float) m.getEntry(i, j);
        return Tensor.of(out, c, c);
    }

    private static Tensor transpose(float[] m, int c) {
        float[] out = new float[c * c];
        for (int i = 0; i < c; i++)
            for (int j = 0; j < c; j++) out[j * c + i] = m[i * c + j];
        return Tensor.of(out, c, c);
    }
}
