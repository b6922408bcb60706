package tensor.backend;

import java.util.Arrays;
import java.util.stream.IntStream;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Blocked SGEMM, in the GotoBLAS/BLIS layout, on each thread's block of C:
 * <pre>
 * for jc in steps of NC:              columns of C
 *   for pc in steps of KC:            the k-blocking (fixed: it sets the summation order)
 *     pack op(B)[pc.., jc..]          into slivers of NR columns, kc rows
 *     for ic in steps of MC:          rows of C
 *       pack op(A)[ic.., pc..]        into slivers of MR rows
 *       for each NR sliver, each MR sliver: {@link MicroKernel} (MR × NR accumulators, FMA)
 * </pre>
 * Every element C[i, j] is computed as: for each k-block in increasing order, a fused
 * multiply-add chain over that block's p in increasing order, starting from 0, then added to
 * C (or stored, for the first block without accumulate). That order depends only on k, never on
 * which block of C a thread was given, so splitting C across threads is bit-for-bit neutral.
 * Matrices are row-major with leading dimensions lda, ldb, ldc; op(A) is A [m, k] or, when
 * transA, the transpose of A stored [k, m] (likewise B).
 */
final class Sgemm {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int VL = SPECIES.length();
    static final int MR = MicroKernel.MR, NR = MicroKernel.NR;
    /** The k-block. A constant of the algorithm: changing it changes results in the last bits. */
    static final int KC = 256;
    /** The row offsets {0, NR, 2·NR, …} of a packed B sliver's k-block. */
    private static final int[] PACKED_ROWS = IntStream.range(0, KC).map(p -> p * NR).toArray();
    static final int MC = 24 * MR;                    // packed A block (MC × KC) stays in L2
    static final int NC = Math.max(NR, 2048 / NR * NR); // packed B panel (KC × NC) stays in L3
    /** Below this many multiply-adds a gemm runs on the calling thread (forking costs more). */
    private static final long PARALLEL_WORK = 1L << 18;

    /** Per thread: packed A block, packed B panel, one edge tile; reused (a thread runs one gemm at a time). */
    private static final ThreadLocal<float[][]> BUFFERS =
            ThreadLocal.withInitial(() -> new float[][] {new float[MC * KC], new float[KC * NC], new float[MR * NR]});

    private Sgemm() {}

    /**
     * C[m, n] (+)= op(A)[m, k] · op(B)[k, n]. C is split into contiguous runs of whole
     * micro-tiles along its longer side, one run per thread of {@code parallel}; each thread runs
     * the blocked algorithm on its block (packing its own panels).
     */
    static void compute(Parallel parallel, boolean transA, boolean transB, int m, int n, int k,
                        float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                        float[] c, int cOff, int ldc, boolean accumulate) {
        int rowTiles = (m + MR - 1) / MR, colTiles = (n + NR - 1) / NR;
        if (parallel.threads() == 1 || (long) m * n * k < PARALLEL_WORK) {
            computeBlock(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        } else if (colTiles >= rowTiles) {
            parallel.forRange(colTiles, 1, (from, to) -> {
                int j0 = from * NR, j1 = Math.min(n, to * NR);
                computeBlock(transA, transB, m, j1 - j0, k, a, aOff, lda,
                        b, bOff + (transB ? j0 * ldb : j0), ldb, c, cOff + j0, ldc, accumulate);
            });
        } else {
            parallel.forRange(rowTiles, 1, (from, to) -> {
                int i0 = from * MR, i1 = Math.min(m, to * MR);
                computeBlock(transA, transB, i1 - i0, n, k, a, aOff + (transA ? i0 : i0 * lda), lda,
                        b, bOff, ldb, c, cOff + i0 * ldc, ldc, accumulate);
            });
        }
    }

    /** C[m, n] (+)= op(A)[m, k] · op(B)[k, n] on the calling thread. */
    private static void computeBlock(boolean transA, boolean transB, int m, int n, int k,
                                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                     float[] c, int cOff, int ldc, boolean accumulate) {
        if (m <= 0 || n <= 0) return;
        if (k <= 0) {
            if (!accumulate) for (int i = 0; i < m; i++) Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            return;
        }
        float[][] buffers = BUFFERS.get();
        float[] aPacked = buffers[0], bPacked = buffers[1], tile = buffers[2];
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean overwrite = pc == 0 && !accumulate;
                packB(transB, kc, nc, b, transB ? bOff + jc * ldb + pc : bOff + pc * ldb + jc, ldb, bPacked);
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(transA, mc, kc, a, transA ? aOff + pc * lda + ic : aOff + ic * lda + pc, lda, aPacked);
                    macroKernel(mc, nc, kc, aPacked, bPacked, c, cOff + ic * ldc + jc, ldc, overwrite, tile);
                }
            }
        }
    }

    /** All MR × NR tiles of one packed block; partial tiles at the edges go through {@code tile}. */
    private static void macroKernel(int mc, int nc, int kc, float[] aPacked, float[] bPacked,
                                    float[] c, int cOff, int ldc, boolean overwrite, float[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir), ci = cOff + ir * ldc + jr;
                MicroKernel.update(kc, aPacked, ir * kc, bPacked, PACKED_ROWS, 0, jr * kc, c, ci, ldc, mr, nr, overwrite, tile);
            }
        }
    }

    /**
     * Packs op(A)[0..mc, 0..kc) (starting at {@code off}) as slivers of MR rows: sliver s holds,
     * for each p, the MR values op(A)[s·MR + r, p]; rows past mc are zero.
     */
    private static void packA(boolean transA, int mc, int kc, float[] a, int off, int lda, float[] dst) {
        for (int is = 0; is < mc; is += MR) {
            int mr = Math.min(MR, mc - is), base = is * kc;
            if (transA && mr == MR) {                       // op(A)[i, p] = a[off + p·lda + i]
                for (int p = 0; p < kc; p++) {
                    int src = off + p * lda + is, d = base + p * MR;
                    for (int r = 0; r < MR; r++) dst[d + r] = a[src + r];    // constant trip count: unrolled
                }
            } else if (transA) {
                for (int p = 0; p < kc; p++) {
                    int src = off + p * lda + is, d = base + p * MR;
                    for (int r = 0; r < mr; r++) dst[d + r] = a[src + r];
                    for (int r = mr; r < MR; r++) dst[d + r] = 0f;
                }
            } else {                                        // op(A)[i, p] = a[off + i·lda + p]
                for (int r = 0; r < mr; r++) {
                    int src = off + (is + r) * lda;
                    for (int p = 0; p < kc; p++) dst[base + p * MR + r] = a[src + p];
                }
                for (int r = mr; r < MR; r++)
                    for (int p = 0; p < kc; p++) dst[base + p * MR + r] = 0f;
            }
        }
    }

    /**
     * Packs op(B)[0..kc, 0..nc) (starting at {@code off}) as slivers of NR columns: sliver s
     * holds, for each p, the NR values op(B)[p, s·NR + j]; columns past nc are zero.
     */
    private static void packB(boolean transB, int kc, int nc, float[] b, int off, int ldb, float[] dst) {
        for (int js = 0; js < nc; js += NR) {
            int nr = Math.min(NR, nc - js), base = js * kc;
            if (transB) {                                   // op(B)[p, j] = b[off + j·ldb + p]
                for (int j = 0; j < nr; j++) {
                    int src = off + (js + j) * ldb;
                    for (int p = 0; p < kc; p++) dst[base + p * NR + j] = b[src + p];
                }
                for (int j = nr; j < NR; j++)
                    for (int p = 0; p < kc; p++) dst[base + p * NR + j] = 0f;
            } else if (nr == NR) {                          // op(B)[p, j] = b[off + p·ldb + j]
                for (int p = 0; p < kc; p++) {
                    int src = off + p * ldb + js, d = base + p * NR;
                    for (int v = 0; v < NR; v += VL) FloatVector.fromArray(SPECIES, b, src + v).intoArray(dst, d + v);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = off + p * ldb + js, d = base + p * NR;
                    for (int j = 0; j < nr; j++) dst[d + j] = b[src + j];
                    for (int j = nr; j < NR; j++) dst[d + j] = 0f;
                }
            }
        }
    }
}
