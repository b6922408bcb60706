package tensor.backend;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The row copies of the {@link ConvGrid} conversions: rows of images (a few to a few dozen
 * floats) moved between the NCHW layout and the grid. A row is moved with whole vectors when the
 * floats stored past its end ("spill") land where the caller writes later anyway (the rest of
 * the destination's next row); otherwise the part after the last whole vector goes element by
 * element.
 * Loads are masked to the row, so a copy spills zeros (plus {@code add}).
 */
final class GridRows {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int VL = SPECIES.length();

    private GridRows() {}

    /**
     * Whether rows of {@code len} floats, {@code dstStride} apart in the destination, may spill:
     * the whole vectors of a row end before the end of the next row.
     */
    static boolean maySpill(int len, int dstStride) {
        return (len + VL - 1) / VL * VL <= dstStride + len;
    }

    /** dst[d + j] = src[s + j] + add for j < len; with spill, dst[d + len ..] up to the next multiple of VL get add. */
    static void copy(float[] src, int s, float[] dst, int d, int len, float add, boolean spill) {
        int full = len / VL * VL;
        for (int j = 0; j < full; j += VL) FloatVector.fromArray(SPECIES, src, s + j).add(add).intoArray(dst, d + j);
        if (full == len) return;
        if (spill) {
            VectorMask<Float> tail = SPECIES.indexInRange(full, len);
            FloatVector.fromArray(SPECIES, src, s + full, tail).add(add).intoArray(dst, d + full);
        } else {
            for (int j = full; j < len; j++) dst[d + j] = src[s + j] + add;
        }
    }

    /** dst[d + j] += src[s + j] for j < len; with spill, dst[d + len ..] up to the next multiple of VL are rewritten unchanged. */
    static void add(float[] src, int s, float[] dst, int d, int len, boolean spill) {
        int full = len / VL * VL;
        for (int j = 0; j < full; j += VL)
            FloatVector.fromArray(SPECIES, dst, d + j).add(FloatVector.fromArray(SPECIES, src, s + j)).intoArray(dst, d + j);
        if (full == len) return;
        if (spill) {
            VectorMask<Float> tail = SPECIES.indexInRange(full, len);
            FloatVector.fromArray(SPECIES, dst, d + full).add(FloatVector.fromArray(SPECIES, src, s + full, tail)).intoArray(dst, d + full);
        } else {
            for (int j = full; j < len; j++) dst[d + j] += src[s + j];
        }
    }
}
