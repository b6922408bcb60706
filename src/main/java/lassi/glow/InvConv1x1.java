package lassi.glow;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import tensor.Shape;
import tensor.Tensor;
import tensor.nn.Module;
import tensor.ops.Reshape;
import tensor.random.Rng;

/**
 * Invertible 1×1 convolution with a free weight W (the reference's InvConv2d, §3.3; no released
 * model uses it): y = W·x per pixel, logdet = H·W·log|det W| (a scalar), initialised to a random
 * orthogonal Q. The weight is stored [C, C, 1, 1] under "weight", as in the reference.
 */
public final class InvConv1x1 extends Module implements FlowLayer {
    private final int channels;
    private final Tensor weight;   // [C, C, 1, 1]

    public InvConv1x1(int channels, Rng rng) {
        this.channels = channels;
        RealMatrix q = OrthogonalInit.randomOrthogonal(rng, channels);
        float[] w = new float[channels * channels];
        for (int i = 0; i < channels; i++)
            for (int j = 0; j < channels; j++) w[i * channels + j] = (float) q.getEntry(i, j);
        weight = parameter("weight", Tensor.of(w, channels, channels, 1, 1));
    }

    @Override public FlowOutput forward(Tensor x) {                // x [N, C, H, W]
        Tensor y = PerPixelMatrix.apply(x, Reshape.apply(weight, channels, channels));
        return new FlowOutput(y, logAbsDet(x.dim(2) * x.dim(3)));
    }

    @Override public Tensor reverse(Tensor y) {                    // y [N, C, H, W]
        return PerPixelMatrix.applyInverse(y, Reshape.apply(weight, channels, channels));
    }

    /**
     * H·W·log|det W| (slogdet in float64 through LU: log|det W| = Σ log|U_ii|), a scalar node.
     * Backward: ∂ log|det W| / ∂W = W⁻ᵀ, so dW += H·W · dlogdet · W⁻ᵀ.
     */
    private Tensor logAbsDet(int hw) {
        LUDecomposition lu = new LUDecomposition(PerPixelMatrix.toMatrix(Reshape.apply(weight.detach(), channels, channels)));
        RealMatrix u = lu.getU();
        double logAbs = 0;
        for (int i = 0; i < channels; i++) logAbs += Math.log(Math.abs(u.getEntry(i, i)));
        RealMatrix inverse = lu.getSolver().getInverse();
        return Tensor.result(Shape.scalar(), new float[] {(float) (hw * logAbs)}, out -> {
            if (!weight.requiresGrad()) return;
            double g = hw * (double) out.grad()[0];
            float[] dW = weight.grad();
            for (int i = 0; i < channels; i++)
                for (int j = 0; j < channels; j++) dW[i * channels + j] += (float) (g * inverse.getEntry(j, i));
        }, weight);
    }
}
