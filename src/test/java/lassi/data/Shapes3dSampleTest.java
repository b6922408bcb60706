package lassi.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Shapes3dSampleTest {
    @Test void drawsDistinctSortedGridIndices() {
        Shapes3dSample s = Shapes3dSample.draw(12_000, 0);
        int[] g = s.gridIndices();
        assertThat(g).hasSize(12_000);
        for (int i = 1; i < g.length; i++) assertThat(g[i]).isGreaterThan(g[i - 1]);
        assertThat(g[0]).isGreaterThanOrEqualTo(0);
        assertThat(g[g.length - 1]).isLessThan(Shapes3dGrid.SIZE);
    }

    @Test void drawIsUniformEnough() {
        // 12000 of 480000: each tenth of the grid holds 1200 ± 4σ (σ ≈ 33).
        int[] g = Shapes3dSample.draw(12_000, 3).gridIndices();
        int[] tenths = new int[10];
        for (int i : g) tenths[i / 48_000]++;
        for (int t : tenths) assertThat(t).isBetween(1068, 1332);
    }

    @Test void seedDeterminesTheSample() {
        Shapes3dSample a = Shapes3dSample.draw(500, 7), b = Shapes3dSample.draw(500, 7), c = Shapes3dSample.draw(500, 8);
        assertThat(a.gridIndices()).isEqualTo(b.gridIndices());
        assertThat(a.train()).isEqualTo(b.train());
        assertThat(a.gridIndices()).isNotEqualTo(c.gridIndices());
    }

    @Test void splitSizesAndPartition() {
        assertSplit(Shapes3dSample.draw(12_000, 0), 9_600, 1_200, 1_200);
        assertSplit(Shapes3dSample.draw(2_000, 1), 1_600, 200, 200);
        assertSplit(Shapes3dSample.draw(48_000, 2), 38_400, 4_800, 4_800);
        assertSplit(Shapes3dSample.draw(17, 2), 13, 1, 3);
    }

    @Test void fullGridDrawIsEveryIndex() {
        int[] g = Shapes3dSample.draw(Shapes3dGrid.SIZE, 5).gridIndices();
        assertThat(g).isEqualTo(IntStream.range(0, Shapes3dGrid.SIZE).toArray());
    }

    private static void assertSplit(Shapes3dSample s, int train, int valid, int test) {
        assertThat(s.train()).hasSize(train);
        assertThat(s.valid()).hasSize(valid);
        assertThat(s.test()).hasSize(test);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.valid())), Arrays.stream(s.test()))
                .sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, s.count()).toArray());
        for (Split split : Split.values()) {
            int[] rows = s.rows(split);
            for (int i = 1; i < rows.length; i++) assertThat(rows[i]).isGreaterThan(rows[i - 1]);
        }
    }
}
