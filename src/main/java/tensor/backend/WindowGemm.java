package tensor.backend;

import jdk.incubator.vector.FloatVector;

/**
 * C = A · B where row p of B is a window of one array, B[p, j] = b[rows[p] + j]: the product of
 * a weight matrix with the shifted grid rows of {@link ConvGrid}. A [m, k] is row-major; C is
 * [⌈m/MR⌉·MR, n] row-major and overwritten (its rows past m get zeros). n must be a multiple of
 * {@link Sgemm#NR}.
 *
 * <p>A is packed once into MR-row slivers per k-block; each column tile of NR copies its k-block
 * of B rows into a small panel and runs {@link MicroKernel} for every row sliver. The k-blocks
 * of {@link Sgemm#KC} rows are summed in increasing order, like {@link Sgemm}; the column tiles
 * are spread over the threads, so the results never depend on the thread count.
 */
final class WindowGemm {
    private static final int MR = Sgemm.MR, NR = Sgemm.NR, KC = Sgemm.KC, VL = Sgemm.VL;
    /** Below this many multiply-adds per task the work stays on fewer threads. */
    private static final long MIN_TASK_WORK = 1L << 18;
    private static final ThreadLocal<float[]> PANEL = ThreadLocal.withInitial(() -> new float[KC * NR]);
    private static final ThreadLocal<float[]> PACKED_A = new ThreadLocal<>();

    private WindowGemm() {}

    static void compute(Parallel parallel, int m, int n, int k, float[] a, float[] b, int[] rows, float[] c) {
        int mr = (m + MR - 1) / MR * MR;
        float[] aPacked = packA(m, mr, k, a);
        long tileWork = (long) mr * k * NR;
        parallel.forRange(n / NR, (int) Math.max(1, MIN_TASK_WORK / tileWork), (from, to) -> {
            float[] panel = PANEL.get();
            for (int tile = from; tile < to; tile++) {
                int j0 = tile * NR;
                for (int pc = 0; pc < k; pc += KC) {
                    int kc = Math.min(KC, k - pc);
                    for (int p = 0; p < kc; p++) {
                        int src = rows[pc + p] + j0;
                        for (int v = 0; v < NR; v += VL) FloatVector.fromArray(Sgemm.SPECIES, b, src + v).intoArray(panel, p * NR + v);
                    }
                    for (int ir = 0; ir < mr; ir += MR)
                        MicroKernel.run(kc, aPacked, mr * pc + ir * kc, panel, 0, c, ir * n + j0, n, pc == 0);
                }
            }
        });
    }

    /**
     * A in MR-row slivers, k-block after k-block: block pc starts at mr·pc and holds, sliver by
     * sliver, kc groups of MR values (rows past m are zero).
     */
    private static float[] packA(int m, int mr, int k, float[] a) {
        float[] packed = PACKED_A.get();
        if (packed == null || packed.length < mr * k) {
            packed = new float[mr * k];
            PACKED_A.set(packed);
        }
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            for (int i = 0; i < mr; i++) {
                int base = mr * pc + i / MR * MR * kc + i % MR;
                if (i < m) for (int p = 0; p < kc; p++) packed[base + p * MR] = a[i * k + pc + p];
                else for (int p = 0; p < kc; p++) packed[base + p * MR] = 0f;
            }
        }
        return packed;
    }
}
