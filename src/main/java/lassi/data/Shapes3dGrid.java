package lassi.data;

import java.util.Arrays;

/**
 * The full 3dshapes factor grid of 10·10·10·8·4·15 = 480,000 tuples. Every combination of factor
 * codes appears exactly once, orientation varying fastest and floor hue slowest (spec §2.4):
 * {@code index = ((((fh·10 + wh)·10 + oh)·8 + sc)·4 + sh)·15 + or}.
 */
public final class Shapes3dGrid {
    /** Number of tuples in the grid (the row count of the real 3dshapes file). */
    public static final int SIZE = 480_000;

    /** Factor count. */
    public static final int FACTORS = 6;

    private static final Shapes3dFactor[] FACTOR = Shapes3dFactor.values();

    private Shapes3dGrid() {}

    /** The grid index of the six factor codes (in label-column order). */
    public static int index(int[] codes) {
        requireCodes(codes);
        int index = 0;
        for (Shapes3dFactor f : FACTOR) index = index * f.count() + codes[f.column()];
        return index;
    }

    /** The six factor codes of grid index {@code index}; inverse of {@link #index}. */
    public static int[] codes(int index) {
        if (index < 0 || index >= SIZE)
            throw new IllegalArgumentException("grid index must be in [0, " + SIZE + "), got " + index);
        int[] codes = new int[FACTORS];
        for (int c = FACTORS - 1; c >= 0; c--) {
            codes[c] = index % FACTOR[c].count();
            index /= FACTOR[c].count();
        }
        return codes;
    }

    /** The raw label row (float64 values, as in the {@code labels} dataset) of the codes. */
    public static double[] labels(int[] codes) {
        requireCodes(codes);
        double[] labels = new double[FACTORS];
        for (Shapes3dFactor f : FACTOR) labels[f.column()] = f.value(codes[f.column()]);
        return labels;
    }

    /**
     * The ground-truth similar set of a tuple (spec §2.4, §8.6): the 15 grid indices that share
     * every code but orientation, in orientation order 0..14.
     */
    public static int[] similarSet(int[] codes) {
        int[] tuple = codes.clone();
        int[] indices = new int[Shapes3dFactor.ORIENTATION.count()];
        for (int o = 0; o < indices.length; o++) {
            tuple[Shapes3dFactor.ORIENTATION.column()] = o;
            indices[o] = index(tuple);
        }
        return indices;
    }

    static void requireCodes(int[] codes) {
        if (codes.length != FACTORS)
            throw new IllegalArgumentException("expected " + FACTORS + " factor codes, got " + Arrays.toString(codes));
        for (Shapes3dFactor f : FACTOR) {
            int c = codes[f.column()];
            if (c < 0 || c >= f.count())
                throw new IllegalArgumentException(f.label() + " code must be in [0, " + f.count() + "), got " + c
                        + " in " + Arrays.toString(codes));
        }
    }
}
