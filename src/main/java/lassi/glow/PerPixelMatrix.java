package lassi.glow;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import tensor.Tensor;
import tensor.ops.Conv2d;
import tensor.ops.Reshape;

/**
 * The invertible 1×1 convolution's map (§3.3): y[n, i, h, w] = Σ_j W[i, j]·x[n, j, h, w], i.e. a
 * 1×1 convolution with weight W [C, C, 1, 1], and its inverse with W⁻¹ (computed in float64).
 */
final class PerPixelMatrix {
    private PerPixelMatrix() {}

    /** W applied at every pixel; differentiable in x and W. x [N, C, H, W], w [C, C]. */
    static Tensor apply(Tensor x, Tensor w) {
        int c = w.dim(0);
        if (x.rank() != 4 || x.dim(1) != c)
            throw new IllegalArgumentException("1x1 convolution with a " + w.shape() + " matrix: input shape " + x.shape() + " is not [N, " + c + ", H, W]");
        return Conv2d.apply(x, Reshape.apply(w, c, c, 1, 1), null, 1, 0);
    }

    /**
     * W⁻¹ applied at every pixel. W⁻¹ is a constant here: the result is differentiable in y only
     * (reverse passes never need gradients w.r.t. the weights).
     */
    static Tensor applyInverse(Tensor y, Tensor w) {
        return apply(y, inverse(w));
    }

    /** W⁻¹ [C, C] by LU with partial pivoting in float64, rounded to float32. */
    static Tensor inverse(Tensor w) {
        RealMatrix inv = new LUDecomposition(toMatrix(w)).getSolver().getInverse();
        int c = w.dim(0);
        float[] out = new float[c * c];
        for (int i = 0; i < c; i++)
            for (int j = 0; j < c; j++) out[i * c + j] = (float) inv.getEntry(i, j);
        return Tensor.of(out, c, c);
    }

    /** A [C, C] tensor as a float64 matrix. */
    static RealMatrix toMatrix(Tensor w) {
        int c = w.dim(0);
        double[][] m = new double[c][c];
        for (int i = 0; i < c; i++)
            for (int j = 0; j < c; j++) m[i][j] = w.data()[i * c + j];
        return new Array2DRowRealMatrix(m, false);
    }
}
