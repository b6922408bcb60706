package tensor.backend;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked kernel of the convolution weight gradient: the {@link #ROWS_A} ×
 * {@link #ROWS_B} dot products of long rows made of segments,
 * out[i·ROWS_B + j] = Σ_{s < segments} Σ_{p < length} a[aRow_i + s·aSegment + p] · b[bRow_j + s·bSegment + p]
 * for aRow_i = aRows[ai + i], bRow_j = bRows[bi + j] (one segment of a grid row, or one per image
 * of NCHW channel rows). Lane l of accumulator (i, j) sums the terms p ≡ l (mod VL) in increasing
 * (s, p) with fused multiply-adds; then the lanes are added in index order. length must be a
 * multiple of VL. 24 accumulators, 4 rows of a and one row of b take 29 of the 32 AVX-512
 * registers (spelled out one by one so the JIT keeps them there).
 */
final class DotKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int VL = SPECIES.length();
    static final int ROWS_A = 4, ROWS_B = 6;

    private DotKernel() {}

    static void run(int segments, int length, float[] a, int[] aRows, int ai, int aSegment,
                    float[] b, int[] bRows, int bi, int bSegment, float[] out, float[] lanes) {
        FloatVector s00 = FloatVector.zero(SPECIES), s01 = s00, s02 = s00, s03 = s00, s04 = s00, s05 = s00;
        FloatVector s10 = s00, s11 = s00, s12 = s00, s13 = s00, s14 = s00, s15 = s00;
        FloatVector s20 = s00, s21 = s00, s22 = s00, s23 = s00, s24 = s00, s25 = s00;
        FloatVector s30 = s00, s31 = s00, s32 = s00, s33 = s00, s34 = s00, s35 = s00;
        int a0 = aRows[ai], a1 = aRows[ai + 1], a2 = aRows[ai + 2], a3 = aRows[ai + 3];
        int b0 = bRows[bi], b1 = bRows[bi + 1], b2 = bRows[bi + 2], b3 = bRows[bi + 3], b4 = bRows[bi + 4], b5 = bRows[bi + 5];
        // One loop over all segments (a nested loop would make the JIT box the accumulators).
        for (int q = 0, total = segments * length, p = 0, sa = 0, sb = 0; q < total; q += VL) {
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
        s00.intoArray(lanes, 0);        s01.intoArray(lanes, VL);       s02.intoArray(lanes, 2 * VL);
        s03.intoArray(lanes, 3 * VL);   s04.intoArray(lanes, 4 * VL);   s05.intoArray(lanes, 5 * VL);
        s10.intoArray(lanes, 6 * VL);   s11.intoArray(lanes, 7 * VL);   s12.intoArray(lanes, 8 * VL);
        s13.intoArray(lanes, 9 * VL);   s14.intoArray(lanes, 10 * VL);  s15.intoArray(lanes, 11 * VL);
        s20.intoArray(lanes, 12 * VL);  s21.intoArray(lanes, 13 * VL);  s22.intoArray(lanes, 14 * VL);
        s23.intoArray(lanes, 15 * VL);  s24.intoArray(lanes, 16 * VL);  s25.intoArray(lanes, 17 * VL);
        s30.intoArray(lanes, 18 * VL);  s31.intoArray(lanes, 19 * VL);  s32.intoArray(lanes, 20 * VL);
        s33.intoArray(lanes, 21 * VL);  s34.intoArray(lanes, 22 * VL);  s35.intoArray(lanes, 23 * VL);
        for (int t = 0; t < ROWS_A * ROWS_B; t++) {
            float sum = 0f;
            for (int l = 0; l < VL; l++) sum += lanes[t * VL + l];
            out[t] = sum;
        }
    }

    /** The scratch {@code lanes} that {@link #run} needs. */
    static float[] lanes() {
        return new float[ROWS_A * ROWS_B * VL];
    }
}
