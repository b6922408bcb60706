package lassi.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CorrelatedSubsetTest {
    @Test void fullGridKeepsExactlySevenFifteenths() {
        int[] rows = IntStream.range(0, Shapes3dGrid.SIZE).toArray();
        int[][] codes = new int[rows.length][];
        for (int r : rows) codes[r] = Shapes3dGrid.codes(r);
        int[] kept = CorrelatedSubset.select(rows, codes);
        // (hue 0..4, orientation 0..6) and (hue 5..9, orientation 8..14): 2·5·7 of 10·15 tuples
        assertThat(kept).hasSize(Shapes3dGrid.SIZE * 7 / 15);
        assertCorrelated(kept, codes);
    }

    @Test void sampledSplitKeepsAboutSevenFifteenthsInOrder() {
        Shapes3dSample s = Shapes3dSample.draw(12_000, 0);
        int[][] codes = new int[s.count()][];
        for (int r = 0; r < s.count(); r++) codes[r] = Shapes3dGrid.codes(s.gridIndices()[r]);
        int[] kept = CorrelatedSubset.select(s.train(), codes);
        assertThat((double) kept.length / s.train().length).isBetween(7 / 15.0 - 0.02, 7 / 15.0 + 0.02);
        assertCorrelated(kept, codes);
        // Order: all group-(0,0) rows in split order, then all group-(1,1) rows in split order.
        int firstHigh = 0;
        while (firstHigh < kept.length && codes[kept[firstHigh]][2] <= 4) firstHigh++;
        for (int i = firstHigh; i < kept.length; i++) assertThat(codes[kept[i]][2]).isGreaterThanOrEqualTo(5);
        for (int i = 1; i < kept.length; i++) if (i != firstHigh) assertThat(kept[i]).isGreaterThan(kept[i - 1]);
        int expectedLow = 0;
        for (int r : s.train()) if (codes[r][2] <= 4 && codes[r][5] <= 6) expectedLow++;
        assertThat(firstHigh).isEqualTo(expectedLow);
    }

    @Test void generalRuleOnHandPickedRows() {
        // nT = 10, nS = 15; rows listed as (target, sensitive)
        int[] rows = {10, 11, 12, 13, 14, 15, 16};
        int[] target = {9, 0, 4, 5, 2, 7, 3};
        int[] sensitive = {14, 6, 7, 8, 9, 7, 0};
        // kept: (0,6)→11, (3,0)→16 in group 0; (9,14)→10, (5,8)→13 in group 1; 12,15 have orientation 7; 14 is mixed
        assertThat(CorrelatedSubset.select(rows, target, 10, sensitive, 15)).containsExactly(11, 16, 10, 13);
    }

    private static void assertCorrelated(int[] kept, int[][] codes) {
        for (int r : kept) {
            int hue = codes[r][Shapes3dFactor.OBJECT_HUE.column()], or = codes[r][Shapes3dFactor.ORIENTATION.column()];
            if (hue <= 4) assertThat(or).as("row %d", r).isLessThanOrEqualTo(6);
            else assertThat(or).as("row %d", r).isGreaterThanOrEqualTo(8);
        }
    }
}
