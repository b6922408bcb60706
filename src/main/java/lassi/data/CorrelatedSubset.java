package lassi.data;

import java.util.Arrays;

/**
 * The "correlated orientation" training subset of 3dshapes (spec §2.4, dataset
 * {@code glow_3dshapes_latent_lmdb_correlated_orientation}); applied to the train split only.
 * With nT target values (object_hue, 10) and nS sensitive values (orientation, 15):
 * label group 0 = target codes {0..⌊nT/2⌋−1}, group 1 = the rest; sensitive group 0 =
 * {0..⌊nS/2⌋−1}, group 1 = {⌊nS/2⌋ + (nS mod 2) .. nS−1}, so the middle orientation (7) is in
 * neither and dropped. Kept: (label 0, sensitive 0) rows in split order, then (1, 1) rows.
 * About 7/15 of the split survives.
 */
public final class CorrelatedSubset {
    private CorrelatedSubset() {}

    /**
     * The kept rows of {@code train}. {@code codes[row]} are the six factor codes of each row; the
     * target is object_hue and the sensitive attribute orientation.
     */
    public static int[] select(int[] train, int[][] codes) {
        int nT = Shapes3dFactor.OBJECT_HUE.count(), nS = Shapes3dFactor.ORIENTATION.count();
        int[] target = new int[train.length], sensitive = new int[train.length];
        for (int i = 0; i < train.length; i++) {
            target[i] = codes[train[i]][Shapes3dFactor.OBJECT_HUE.column()];
            sensitive[i] = codes[train[i]][Shapes3dFactor.ORIENTATION.column()];
        }
        return select(train, target, nT, sensitive, nS);
    }

    /** The general rule on per-row target and sensitive codes (row i of {@code rows}). */
    static int[] select(int[] rows, int[] target, int nT, int[] sensitive, int nS) {
        int[] kept = new int[rows.length];
        int n = 0;
        for (int group = 0; group < 2; group++)
            for (int i = 0; i < rows.length; i++)
                if (labelGroup(target[i], nT) == group && sensitiveGroup(sensitive[i], nS) == group) kept[n++] = rows[i];
        return Arrays.copyOf(kept, n);
    }

    private static int labelGroup(int t, int nT) {
        return t < nT / 2 ? 0 : 1;
    }

    /** 0, 1, or −1 for the middle value of an odd nS (in neither group). */
    private static int sensitiveGroup(int s, int nS) {
        if (s < nS / 2) return 0;
        return s >= nS / 2 + nS % 2 ? 1 : -1;
    }
}
