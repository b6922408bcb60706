package lassi.glow;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import tensor.random.Rng;

/**
 * The initialisation of the invertible 1×1 convolution (§3.3): a random orthogonal C×C matrix Q
 * (the orthogonal factor of the QR decomposition of a Gaussian matrix, in float64) and its LU
 * decomposition with partial pivoting in the scipy convention Q = P·L·U.
 */
final class OrthogonalInit {
    private OrthogonalInit() {}

    /** Q of the QR decomposition of A, A [C, C] with i.i.d. N(0, 1) entries drawn row-major from rng. */
    static RealMatrix randomOrthogonal(Rng rng, int c) {
        double[][] a = new double[c][c];
        for (double[] row : a)
            for (int j = 0; j < c; j++) row[j] = rng.nextGaussian();
        return new QRDecomposition(MatrixUtils.createRealMatrix(a)).getQ();
    }

    /** Q = P·L·U with P a permutation, L unit lower triangular, U upper triangular. */
    record Plu(RealMatrix p, RealMatrix l, RealMatrix u) {}

    /**
     * LU with partial pivoting in scipy's convention. Commons Math returns pivot·Q = L·U, so
     * P = pivotᵀ (scipy.linalg.lu returns Q = P·L·U).
     */
    static Plu lu(RealMatrix q) {
        LUDecomposition lu = new LUDecomposition(q);
        return new Plu(lu.getP().transpose(), lu.getL(), lu.getU());
    }
}
