package tensor.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tensor.random.Rng;

/**
 * The CPU SGEMM against {@link Reference#gemm}. Inputs are uniform in [−1, 1]; the two differ
 * only by rounding order (fused multiply-adds, k-blocks of {@link Sgemm#KC}), about
 * √k · 2⁻²⁴ · |terms| ≈ 1e-6 at the sizes below, so |cpu − ref| ≤ 1e-4 + 1e-4·|ref| holds with
 * margin while any indexing mistake (an error of order 1) fails.
 */
class CpuGemmTest {
    private static final double ATOL = 1e-4, RTOL = 1e-4;
    private static final CpuBackend ONE = new CpuBackend(1), TWO = new CpuBackend(2), THREE = new CpuBackend(3);

    /** m, n, k: ones, odd, primes, k = 1, exact and just-past multiples of the blocking. */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 17, 5}, {7, 1, 3}, {13, 29, 1}, {3, 5, 7}, {37, 41, 43},
        {Sgemm.MR, Sgemm.NR, Sgemm.KC}, {Sgemm.MR + 1, Sgemm.NR + 1, Sgemm.KC + 1},
        {Sgemm.MC + 5, 3 * Sgemm.NR - 1, 2 * Sgemm.KC + 88}, {3, Sgemm.NC + 37, 5}, {1, 300, 257}, {300, 1, 257},
    };

    @Test void matchesReferenceForAllTransposesAndShapes() {
        for (int[] s : SHAPES)
            for (int t = 0; t < 4; t++) checkAgainstReference(TWO, t >= 2, t % 2 == 1, s[0], s[1], s[2], false, 0, 0, 0, 11);
    }

    @Test void honoursOffsetsAndAccumulateAndLeavesTheRestOfCAlone() {
        for (int t = 0; t < 4; t++) {
            checkAgainstReference(TWO, t >= 2, t % 2 == 1, 19, 45, 300, true, 7, 13, 29, 12);
            checkAgainstReference(ONE, t >= 2, t % 2 == 1, 70, 33, 3, true, 1, 0, 5, 13);
        }
    }

    @Test void emptySumGivesZeroOrLeavesCUnchanged() {
        float[] c = {5f, 6f};
        ONE.gemm(false, false, 1, 2, 0, new float[0], 0, new float[0], 0, c, 0, true);
        assertThat(c).containsExactly(5f, 6f);
        ONE.gemm(false, false, 1, 2, 0, new float[0], 0, new float[0], 0, c, 0, false);
        assertThat(c).containsExactly(0f, 0f);
    }

    @Test void handComputedProduct() {
        float[] a = {1, 2, 3, 4, 5, 6}, b = {7, 8, 9, 10, 11, 12}, c = new float[4];   // [2, 3] · [3, 2]
        TWO.gemm(false, false, 2, 2, 3, a, 0, b, 0, c, 0, false);
        assertThat(c).containsExactly(58f, 64f, 139f, 154f);
    }

    /** Splitting C over threads (by rows or by columns) must not change a single bit. */
    @Test void resultsDoNotDependOnTheThreadCount() {
        int[][] shapes = {{300, 70, 600}, {70, 300, 600}, {129, 257, 513}, {5, 2 * Sgemm.NC + 70, 300}};
        for (int[] s : shapes)
            for (int t = 0; t < 4; t++) {
                boolean transA = t >= 2, transB = t % 2 == 1;
                var rng = new Rng(20 + t);
                float[] a = uniform(rng, s[0] * s[2]), b = uniform(rng, s[2] * s[1]), c0 = uniform(rng, s[0] * s[1]);
                float[][] results = new float[3][];
                CpuBackend[] backends = {ONE, TWO, THREE};
                for (int i = 0; i < 3; i++) {
                    results[i] = c0.clone();
                    backends[i].gemm(transA, transB, s[0], s[1], s[2], a, 0, b, 0, results[i], 0, true);
                }
                assertThat(results[1]).as("2 threads vs 1, %s trans %d", Arrays.toString(s), t).isEqualTo(results[0]);
                assertThat(results[2]).as("3 threads vs 1, %s trans %d", Arrays.toString(s), t).isEqualTo(results[0]);
            }
    }

    private static void checkAgainstReference(CpuBackend backend, boolean transA, boolean transB, int m, int n, int k,
                                              boolean accumulate, int aOff, int bOff, int cOff, long seed) {
        var rng = new Rng(seed);
        float[] a = uniform(rng, aOff + m * k + 3), b = uniform(rng, bOff + k * n + 3), c = uniform(rng, cOff + m * n + 3);
        float[] expected = c.clone(), actual = c.clone();
        Reference.gemm(transA, transB, m, n, k, a, aOff, b, bOff, expected, cOff, accumulate);
        backend.gemm(transA, transB, m, n, k, a, aOff, b, bOff, actual, cOff, accumulate);
        String what = String.format("gemm transA=%b transB=%b m=%d n=%d k=%d accumulate=%b offsets %d %d %d",
                transA, transB, m, n, k, accumulate, aOff, bOff, cOff);
        Close.assertClose(what, expected, actual, ATOL, RTOL);
        for (int i = 0; i < c.length; i++)
            if (i < cOff || i >= cOff + m * n) assertThat(actual[i]).as("%s: C[%d] outside the output was written", what, i).isEqualTo(c[i]);
    }

    static float[] uniform(Rng rng, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) v[i] = (float) (2 * rng.nextDouble() - 1);
        return v;
    }
}
