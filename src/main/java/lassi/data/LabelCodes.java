package lassi.data;

import java.nio.file.Path;
import java.util.Arrays;
import lassi.BadInput;

/**
 * 3dshapes label codes (spec §2.4): LASSI replaces each raw label column by the rank of the value
 * among the sorted distinct values of that column, an integer 0..n−1. The ranks are factor codes
 * only when every value of the factor occurs, so a column with a different number of distinct
 * values than the factor has is refused.
 */
public final class LabelCodes {
    private LabelCodes() {}

    /** The codes [N, 6] of the raw labels [N, 6] read from {@code source} (named in errors). */
    public static int[][] of(double[][] labels, Path source) {
        int n = labels.length;
        int[][] codes = new int[n][Shapes3dGrid.FACTORS];
        for (Shapes3dFactor f : Shapes3dFactor.values()) {
            int c = f.column();
            double[] column = new double[n];
            for (int i = 0; i < n; i++) column[i] = labels[i][c];
            double[] distinct = Arrays.stream(column).sorted().distinct().toArray();
            if (distinct.length != f.count())
                throw new BadInput(source + ": labels column " + c + " (" + f.label() + ") has " + distinct.length
                        + " distinct values, expected " + f.count() + " (label codes are ranks among the values present)");
            for (int i = 0; i < n; i++) codes[i][c] = Arrays.binarySearch(distinct, column[i]);
        }
        return codes;
    }
}
