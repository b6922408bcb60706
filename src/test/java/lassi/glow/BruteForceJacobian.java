package lassi.glow;

import java.util.function.UnaryOperator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import tensor.Grad;
import tensor.Tensor;

/**
 * log|det J| of a flow layer R^n → R^n (n = 16 for the [1, 4, 2, 2] test input, §3.13), from the
 * brute-force Jacobian: column j by central differences (f(x + ε e_j) − f(x − ε e_j)) / 2ε in
 * float32, the determinant in float64. Independent of the layer's own logdet and of backward.
 */
final class BruteForceJacobian {
    private BruteForceJacobian() {}

    static double logAbsDet(UnaryOperator<Tensor> f, Tensor x, double eps) {
        int n = x.size();
        double[][] jacobian = new double[n][n];
        try (var scope = Grad.disabled()) {
            for (int j = 0; j < n; j++) {
                Tensor plus = x.copy(), minus = x.copy();
                plus.data()[j] += (float) eps;
                minus.data()[j] -= (float) eps;
                double step = (double) plus.data()[j] - minus.data()[j];    // the step actually taken in float
                float[] yPlus = f.apply(plus).data(), yMinus = f.apply(minus).data();
                if (yPlus.length != n) throw new IllegalArgumentException("layer maps " + n + " values to " + yPlus.length);
                for (int i = 0; i < n; i++) jacobian[i][j] = (yPlus[i] - (double) yMinus[i]) / step;
            }
        }
        return Math.log(Math.abs(new LUDecomposition(new Array2DRowRealMatrix(jacobian, false)).getDeterminant()));
    }
}
