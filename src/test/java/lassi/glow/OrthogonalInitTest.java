package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import tensor.random.Rng;

class OrthogonalInitTest {
    private static double maxAbsDiff(RealMatrix a, RealMatrix b) {
        double max = 0;
        for (double[] row : a.subtract(b).getData()) for (double v : row) max = Math.max(max, Math.abs(v));
        return max;
    }

    @Test void qIsOrthogonalAndTheLuFactorsFollowScipysConvention() {
        for (int c : new int[] {1, 4, 12, 48}) {
            RealMatrix q = OrthogonalInit.randomOrthogonal(new Rng(c), c);
            assertThat(maxAbsDiff(q.transpose().multiply(q), MatrixUtils.createRealIdentityMatrix(c))).isLessThan(1e-12);
            OrthogonalInit.Plu plu = OrthogonalInit.lu(q);
            // Q = P·L·U (scipy.linalg.lu), not P·Q = L·U
            assertThat(maxAbsDiff(plu.p().multiply(plu.l()).multiply(plu.u()), q)).isLessThan(1e-12);
            double sumLogAbsDiagU = 0;
            for (int i = 0; i < c; i++) {
                assertThat(plu.l().getEntry(i, i)).isEqualTo(1.0);
                for (int j = i + 1; j < c; j++) {
                    assertThat(plu.l().getEntry(i, j)).isZero();
                    assertThat(plu.u().getEntry(j, i)).isZero();
                }
                assertThat(rowAndColumnSums(plu.p(), i)).containsExactly(1.0, 1.0);
                sumLogAbsDiagU += Math.log(Math.abs(plu.u().getEntry(i, i)));
            }
            assertThat(Math.abs(sumLogAbsDiagU)).as("Σ logS = log|det Q| = 0").isLessThan(1e-10);
        }
    }

    @Test void permutationIsNotTheIdentityInGeneral() {           // guards the transpose: a non-trivial pivot must occur
        OrthogonalInit.Plu plu = OrthogonalInit.lu(OrthogonalInit.randomOrthogonal(new Rng(3), 12));
        RealMatrix p = plu.p();
        assertThat(maxAbsDiff(p, MatrixUtils.createRealIdentityMatrix(12))).isEqualTo(1.0);
        assertThat(maxAbsDiff(p, p.transpose())).as("a symmetric P would not test the convention").isEqualTo(1.0);
    }

    private static double[] rowAndColumnSums(RealMatrix p, int i) {
        double row = 0, col = 0;
        for (int j = 0; j < p.getColumnDimension(); j++) { row += p.getEntry(i, j); col += p.getEntry(j, i); }
        return new double[] {row, col};
    }
}
