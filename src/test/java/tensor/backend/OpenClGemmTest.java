package tensor.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tensor.backend.OpenClTesting.assertClose;
import static tensor.backend.OpenClTesting.gaussian;
import static tensor.backend.OpenClTesting.onDevice;

import org.junit.jupiter.api.Test;
import tensor.random.Rng;

/** kernels/gemm.cl against its twin Reference.gemm, and the twin against hand-computed products. */
class OpenClGemmTest {
    // Same summation order as the twin; the kernel may fuse a·b + acc into one fma, which changes
    // the rounding of each step by at most half an ulp of the partial sum (≤ ~30 for k ≤ 129 with
    // N(0,1) entries, so ~2e-6 per step): atol 1e-4 bounds k such steps; any indexing mistake is O(1).
    private static final double ATOL = 1e-4, RTOL = 1e-5;

    // (m, n, k): size 1, k = 1, odd, primes, exactly one tile, not multiples of the 16x16 tile
    private static final int[][] SHAPES = {
        {1, 1, 1}, {2, 3, 1}, {1, 7, 5}, {5, 1, 3}, {16, 16, 16}, {17, 13, 19}, {31, 33, 47}, {3, 100, 2}, {64, 70, 129},
    };

    @Test void matchesReferenceForAllTransposesOffsetsAndAccumulate() {
        OpenClBackend cl = OpenClTesting.backend();
        Rng rng = new Rng(11);
        for (int[] s : SHAPES)
            for (int variant = 0; variant < 8; variant++) {
                int m = s[0], n = s[1], k = s[2];
                boolean transA = (variant & 1) != 0, transB = (variant & 2) != 0, accumulate = (variant & 4) != 0;
                int aOff = rng.nextInt(4), bOff = rng.nextInt(4), cOff = rng.nextInt(4);
                float[] a = gaussian(rng, aOff + m * k + 3, 1), b = gaussian(rng, bOff + k * n + 2, 1);
                float[] c = gaussian(rng, cOff + m * n + 5, 1);    // elements outside the [m, n] block must survive
                float[] expected = c.clone();
                Reference.gemm(transA, transB, m, n, k, a, aOff, b, bOff, expected, cOff, accumulate);
                String what = String.format("gemm m=%d n=%d k=%d transA=%b transB=%b accumulate=%b C", m, n, k, transA, transB, accumulate);
                onDevice(what, () -> cl.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate));
                assertClose(what, expected, c, ATOL, RTOL);
            }
    }

    // A = [[1, 2], [3, 4]] and B = [[5, 6], [7, 8]] as stored; op(A)·op(B) by hand, indexed transA + 2·transB
    private static final float[] A = {1, 2, 3, 4}, B = {5, 6, 7, 8};
    private static final float[][] PRODUCTS = {{19, 22, 43, 50}, {26, 30, 38, 44}, {17, 23, 39, 53}, {23, 31, 34, 46}};

    @Test void referenceMatchesHandComputedProducts() {
        for (int v = 0; v < 4; v++) {
            float[] c = new float[4];
            Reference.gemm((v & 1) != 0, (v & 2) != 0, 2, 2, 2, A, 0, B, 0, c, 0, false);
            assertThat(c).as("transA=%b transB=%b", (v & 1) != 0, (v & 2) != 0).containsExactly(PRODUCTS[v]);
        }
    }

    @Test void kernelMatchesHandComputedProducts() {
        OpenClBackend cl = OpenClTesting.backend();
        for (int v = 0; v < 4; v++) {
            boolean transA = (v & 1) != 0, transB = (v & 2) != 0;
            float[] c = new float[4];
            onDevice("2x2 gemm", () -> cl.gemm(transA, transB, 2, 2, 2, A, 0, B, 0, c, 0, false));
            assertThat(c).as("transA=%b transB=%b", transA, transB).containsExactly(PRODUCTS[v]);
        }
    }

    @Test void referenceAccumulatesAtOffsets() {
        float[] a = {9, 1, 2, 3, 4};                                   // A = [[1, 2], [3, 4]] at offset 1
        float[] b = {5, 6, 7, 8};
        float[] c = {-1, 1, 1, 1, 1, -1};                              // C block at offset 1, accumulated into
        Reference.gemm(false, false, 2, 2, 2, a, 1, b, 0, c, 1, true);
        assertThat(c).containsExactly(-1, 20, 23, 44, 51, -1);
    }

    @Test void outOfRangeOffsetIsRejectedBeforeTheLaunch() {
        OpenClBackend cl = OpenClTesting.backend();
        assertThatThrownBy(() -> cl.gemm(false, false, 2, 2, 2, new float[4], 1, new float[4], 0, new float[4], 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gemm A");
    }
}
