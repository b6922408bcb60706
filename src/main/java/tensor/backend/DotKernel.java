package tensor.backend;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked kernel of the convolution weight gradient: the {@link #ROWS_A} ×
 * {@link #ROWS_B} dot products of long rows made of segments,
 * out[i·ROWS_B + j] = Σ_{s < segments} Σ_{p < length} a[aRow_i + s·aSegment + p] · b[bRow_j + s·bSegment + p]
 * for aRow_i = aRows[ai + i], bRow_j = bRows[bi + j] (one segment of a grid row, or one per image
 * of NCHW channel rows). Lane l of accumulator (i, j) sums the terms p ≡ l (mod VL) in increasing
 * (s, p) with fused multiply-adds; then the lanes are added in index order ({@link #reduce}). The
 * positions q = s·length + p may be gone through in consecutive ranges ({@link #accumulate}), the
 * accumulators kept in memory in between, with the same result: callers sweep many tiles over
 * one range while its rows are in cache. length must be a multiple of VL. 24 accumulators, 4 rows
 * of a and one row of b take 29 of the 32 AVX-512 registers (spelled out one by one so the JIT
 * keeps them there).
 */
final class DotKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int VL = SPECIES.length();
    static final int ROWS_A = 4, ROWS_B = 6;

    private DotKernel() {}

    /** The floats of one tile's accumulators in {@link #accumulate}'s {@code acc}. */
    static final int ACCUMULATORS = ROWS_A * ROWS_B * VL;

    /**
     * Continues the tile's accumulators, acc[accOff ..) ({@link #ACCUMULATORS} floats, zero at
     * the start), over the positions q in [q0, q1) (multiples of VL).
     */
    static void accumulate(int q0, int q1, int length, float[] a, int[] aRows, int ai, int aSegment,
                           float[] b, int[] bRows, int bi, int bSegment, float[] acc, int accOff) {
        FloatVector s00 = load(acc, accOff, 0), s01 = load(acc, accOff, 1), s02 = load(acc, accOff, 2);
        FloatVector s03 = load(acc, accOff, 3), s04 = load(acc, accOff, 4), s05 = load(acc, accOff, 5);
        FloatVector s10 = load(acc, accOff, 6), s11 = load(acc, accOff, 7), s12 = load(acc, accOff, 8);
        FloatVector s13 = load(acc, accOff, 9), s14 = load(acc, accOff, 10), s15 = load(acc, accOff, 11);
        FloatVector s20 = load(acc, accOff, 12), s21 = load(acc, accOff, 13), s22 = load(acc, accOff, 14);
        FloatVector s23 = load(acc, accOff, 15), s24 = load(acc, accOff, 16), s25 = load(acc, accOff, 17);
        FloatVector s30 = load(acc, accOff, 18), s31 = load(acc, accOff, 19), s32 = load(acc, accOff, 20);
        FloatVector s33 = load(acc, accOff, 21), s34 = load(acc, accOff, 22), s35 = load(acc, accOff, 23);
        int a0 = aRows[ai], a1 = aRows[ai + 1], a2 = aRows[ai + 2], a3 = aRows[ai + 3];
        int b0 = bRows[bi], b1 = bRows[bi + 1], b2 = bRows[bi + 2], b3 = bRows[bi + 3], b4 = bRows[bi + 4], b5 = bRows[bi + 5];
        // One loop over all segments (a nested loop would make the JIT box the accumulators).
        for (int q = q0, p = q0 % length, sa = q0 / length * aSegment, sb = q0 / length * bSegment; q < q1; q += VL) {
            int pa = sa + p, pb = sb + p;
            FloatVector x0 = FloatVector.fromArray(SPECIES, a, a0 + pa), x1 = FloatVector.fromArray(SPECIES, a, a1 + pa);
            FloatVector x2 = FloatVector.fromArray(SPECIES, a, a2 + pa), x3 = FloatVector.fromArray(SPECIES, a, a3 + pa);
            FloatVector y = FloatVector.fromArray(SPECIES, b, b0 + pb);
            s00 = x0.fma(y, s00); s10 = x1.fma(y, s10); s20 = x2.fma(y, s20); s30 = x3.fma(y, s30);
            y = FloatVector.fromArray(SPECIES, b, b1 + pb);
            s01 = x0.fma(y, s01); s11 = x1.fma(y, s11); s21 = x2.fma(y, s21); s31 = x3.fma(y, s31);
            y = FloatVector.fromArray(SPECIES, b, b2 + pb);
            s02 = x0.fma(y, s02); s12 = x1.fma(y, s12); s22 = x2.fma(y, s22); s32 = x3.fma(y, s32);
            y = FloatVector.fromArray(SPECIES, b, b3 + pb);
            s03 = x0.fma(y, s03); s13 = x1.fma(y, s13); s23 = x2.fma(y, s23); s33 = x3.fma(y, s33);
            y = FloatVector.fromArray(SPECIES, b, b4 + pb);
            s04 = x0.fma(y, s04); s14 = x1.fma(y, s14); s24 = x2.fma(y, s24); s34 = x3.fma(y, s34);
            y = FloatVector.fromArray(SPECIES, b, b5 + pb);
            s05 = x0.fma(y, s05); s15 = x1.fma(y, s15); s25 = x2.fma(y, s25); s35 = x3.fma(y, s35);
            p += VL;
            if (p == length) {
                p = 0;
                sa += aSegment;
                sb += bSegment;
            }
        }
        // Written out rather than in a loop over an array of vectors, which the JIT would box.
        s00.intoArray(acc, accOff);           s01.intoArray(acc, accOff + VL);      s02.intoArray(acc, accOff + 2 * VL);
        s03.intoArray(acc, accOff + 3 * VL);  s04.intoArray(acc, accOff + 4 * VL);  s05.intoArray(acc, accOff + 5 * VL);
        s10.intoArray(acc, accOff + 6 * VL);  s11.intoArray(acc, accOff + 7 * VL);  s12.intoArray(acc, accOff + 8 * VL);
        s13.intoArray(acc, accOff + 9 * VL);  s14.intoArray(acc, accOff + 10 * VL); s15.intoArray(acc, accOff + 11 * VL);
        s20.intoArray(acc, accOff + 12 * VL); s21.intoArray(acc, accOff + 13 * VL); s22.intoArray(acc, accOff + 14 * VL);
        s23.intoArray(acc, accOff + 15 * VL); s24.intoArray(acc, accOff + 16 * VL); s25.intoArray(acc, accOff + 17 * VL);
        s30.intoArray(acc, accOff + 18 * VL); s31.intoArray(acc, accOff + 19 * VL); s32.intoArray(acc, accOff + 20 * VL);
        s33.intoArray(acc, accOff + 21 * VL); s34.intoArray(acc, accOff + 22 * VL); s35.intoArray(acc, accOff + 23 * VL);
    }

    /** out[t] for t < ROWS_A·ROWS_B: the lanes of accumulator t added in index order. */
    static void reduce(float[] acc, int accOff, float[] out) {
        for (int t = 0; t < ROWS_A * ROWS_B; t++) {
            float sum = 0f;
            for (int l = 0; l < VL; l++) sum += acc[accOff + t * VL + l];
            out[t] = sum;
        }
    }

    private static FloatVector load(float[] acc, int accOff, int t) {
        return FloatVector.fromArray(SPECIES, acc, accOff + t * VL);
    }
}
