package tensor.backend;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner kernel of {@link Sgemm}: an MR × NR tile of C (NR = two vectors)
 * held in MR·2 vector accumulators while p runs over one k-block:
 * acc[r][:] = fma(a[p, r], b[p, :], acc[r][:]) for p = 0 .. kc−1, starting from zero. Row p of B
 * is read at an offset from a table: a packed panel's rows lie a fixed stride apart, a
 * convolution's shifted grid rows are read where they lie. Then C = acc; {@link #update}
 * accumulates, and handles partial tiles, through a tile buffer. The accumulators are spelled
 * out one by one so that the JIT keeps all of them in registers: 16 accumulators + 2 for B + 1 broadcast fit the 32
 * AVX-512 registers (8 × 2 measured ~20% faster than 6 × 2 on 2048² here; on a 16-register
 * AVX2 machine a few would spill, which costs speed, never correctness).
 */
final class MicroKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int VL = SPECIES.length();
    static final int MR = 8, NR = 2 * VL;

    private MicroKernel() {}

    /**
     * aPacked from ai: kc groups of MR values of op(A); row p of op(B) is the NR values from
     * b[rows[p0 + p] + bi]; the tile of C starts at ci with row stride ldc and must lie inside c.
     * One store path only: with a second (C += acc) behind a branch, the JIT sometimes compiled
     * that path before it had run, as a call that boxes every accumulator (M32 Glow steps 30%
     * slower in about half of the JVM runs).
     */
    private static void run(int kc, float[] aPacked, int ai, float[] b, int[] rows, int p0, int bi, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = FloatVector.zero(SPECIES);
        FloatVector c10 = FloatVector.zero(SPECIES), c11 = FloatVector.zero(SPECIES);
        FloatVector c20 = FloatVector.zero(SPECIES), c21 = FloatVector.zero(SPECIES);
        FloatVector c30 = FloatVector.zero(SPECIES), c31 = FloatVector.zero(SPECIES);
        FloatVector c40 = FloatVector.zero(SPECIES), c41 = FloatVector.zero(SPECIES);
        FloatVector c50 = FloatVector.zero(SPECIES), c51 = FloatVector.zero(SPECIES);
        FloatVector c60 = FloatVector.zero(SPECIES), c61 = FloatVector.zero(SPECIES);
        FloatVector c70 = FloatVector.zero(SPECIES), c71 = FloatVector.zero(SPECIES);
        for (int p = 0; p < kc; p++, ai += MR) {
            int at = rows[p0 + p] + bi;
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, at), b1 = FloatVector.fromArray(SPECIES, b, at + VL);
            FloatVector a0 = FloatVector.broadcast(SPECIES, aPacked[ai + 0]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(SPECIES, aPacked[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(SPECIES, aPacked[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(SPECIES, aPacked[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(SPECIES, aPacked[ai + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(SPECIES, aPacked[ai + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(SPECIES, aPacked[ai + 6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(SPECIES, aPacked[ai + 7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71);
        }
        // Written out rather than in a helper: a FloatVector passed to a call the JIT does not
        // inline is boxed, which costs more than the whole loop.
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + VL);
        c10.intoArray(c, ci + 1 * ldc);
        c11.intoArray(c, ci + 1 * ldc + VL);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + VL);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + VL);
        c40.intoArray(c, ci + 4 * ldc);
        c41.intoArray(c, ci + 4 * ldc + VL);
        c50.intoArray(c, ci + 5 * ldc);
        c51.intoArray(c, ci + 5 * ldc + VL);
        c60.intoArray(c, ci + 6 * ldc);
        c61.intoArray(c, ci + 6 * ldc + VL);
        c70.intoArray(c, ci + 7 * ldc);
        c71.intoArray(c, ci + 7 * ldc + VL);
    }

    /**
     * The rows × cols corner of the tile at ci in C (row stride ldc) set to (overwrite) or
     * increased by the products of {@link #run}'s operands: in place when it is a whole tile
     * being overwritten, otherwise computed into {@code tile} (MR × NR) and stored from there.
     */
    static void update(int kc, float[] aPacked, int ai, float[] b, int[] rows, int p0, int bi,
                       float[] c, int ci, int ldc, int tileRows, int cols, boolean overwrite, float[] tile) {
        if (tileRows == MR && cols == NR && overwrite) {
            run(kc, aPacked, ai, b, rows, p0, bi, c, ci, ldc);
            return;
        }
        run(kc, aPacked, ai, b, rows, p0, bi, tile, 0, NR);
        if (cols == NR && !overwrite) {
            for (int i = 0; i < tileRows; i++)
                for (int v = 0; v < NR; v += VL)
                    FloatVector.fromArray(SPECIES, c, ci + i * ldc + v).add(FloatVector.fromArray(SPECIES, tile, i * NR + v))
                            .intoArray(c, ci + i * ldc + v);
            return;
        }
        for (int i = 0; i < tileRows; i++)
            for (int j = 0; j < cols; j++)
                c[ci + i * ldc + j] = overwrite ? tile[i * NR + j] : c[ci + i * ldc + j] + tile[i * NR + j];
    }
}
