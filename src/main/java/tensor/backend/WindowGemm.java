package tensor.backend;

/**
 * C (+)= A · B where row p of B is a window of one array, B[p, j] = b[rows[p] + offset of column
 * j]: the product of a weight matrix with the shifted grid rows of {@link ConvGrid}, or with the
 * channel rows of NCHW images. A [m, k] is row-major. The n columns come in blocks of
 * {@link Columns#width} (one block for a grid, one per image for NCHW), and C holds m rows of a
 * block's columns, {@code width} apart.
 *
 * <p>A is packed once into MR-row slivers per k-block. B is not packed: {@link MicroKernel} reads
 * each row's NR columns where they lie (copying the windows into a panel, as {@link Sgemm} packs
 * B, took longer than the products it served: few rows of A reuse each panel here). Groups of
 * {@link #TILES} column tiles of NR share each k-block of packed A while it is in cache. The
 * k-blocks of {@link Sgemm#KC} rows are summed in increasing order, like {@link Sgemm}; the column
 * tiles are spread over the threads, so the results never depend on the thread count.
 */
final class WindowGemm {
    private static final int MR = Sgemm.MR, NR = Sgemm.NR, KC = Sgemm.KC;
    /** Below this many multiply-adds per task the work stays on fewer threads. */
    private static final long MIN_TASK_WORK = 1L << 18;
    /** Column tiles swept together over each k-block of packed A. */
    private static final int TILES = 16;
    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[MR * NR]);
    private static final ThreadLocal<float[]> PACKED_A = new ThreadLocal<>();

    /**
     * Blocks of {@code width} columns (a multiple of NR); block q starts at q·bBlock in b (added
     * to the row offsets) and at q·cBlock in c.
     */
    record Columns(int width, int bBlock, int cBlock) {
        Columns {
            if (width % NR != 0) throw new IllegalArgumentException("column blocks of " + width + " are not whole tiles of " + NR);
        }

        /** All n columns in one block (a grid): C is [m, n]. */
        static Columns single(int n) {
            return new Columns(n, 0, 0);
        }
    }

    private WindowGemm() {}

    static void compute(Parallel parallel, int m, int n, int k, float[] a, float[] b, int[] rows, Columns columns,
                        float[] c, boolean accumulate) {
        int mr = (m + MR - 1) / MR * MR, ldc = columns.width();
        float[] aPacked = packA(m, mr, k, a);
        long tileWork = (long) mr * k * NR;
        parallel.forRange(n / NR, (int) Math.max(1, MIN_TASK_WORK / tileWork), (from, to) -> {
            float[] tile = TILE.get();
            int[] bOff = new int[TILES], cOff = new int[TILES];
            for (int t0 = from; t0 < to; t0 += TILES) {
                int tiles = Math.min(TILES, to - t0);
                for (int t = 0; t < tiles; t++) {
                    int block = (t0 + t) * NR / ldc, j = (t0 + t) * NR % ldc;
                    bOff[t] = block * columns.bBlock() + j;
                    cOff[t] = block * columns.cBlock() + j;
                }
                for (int pc = 0; pc < k; pc += KC) {
                    int kc = Math.min(KC, k - pc);
                    boolean overwrite = pc == 0 && !accumulate;
                    for (int t = 0; t < tiles; t++)
                        for (int ir = 0; ir < mr; ir += MR)             // B row p from b[rows[pc + p] + bOff[t]]
                            MicroKernel.update(kc, aPacked, mr * pc + ir * kc, b, rows, pc, bOff[t], c, cOff[t] + ir * ldc, ldc,
                                    Math.min(MR, m - ir), NR, overwrite, tile);
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
