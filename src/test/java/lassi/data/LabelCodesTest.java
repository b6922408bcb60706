package lassi.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import lassi.BadInput;
import org.junit.jupiter.api.Test;

class LabelCodesTest {
    @Test void codesAreRanksAmongDistinctValues() {
        int n = 15;
        double[][] labels = new double[n][];
        for (int i = 0; i < n; i++) labels[i] = Shapes3dGrid.labels(Fixtures.fixtureCodes(n - 1 - i));
        int[][] codes = LabelCodes.of(labels, Path.of("x.h5"));
        for (int i = 0; i < n; i++) assertThat(codes[i]).containsExactly(Fixtures.fixtureCodes(n - 1 - i));
    }

    @Test void ranksIgnoreTheExactValues() {
        // Values off the Shapes3D-lite grid still rank (the reference only ranks); scaled orientation here.
        int n = 15;
        double[][] labels = new double[n][];
        for (int i = 0; i < n; i++) {
            labels[i] = Shapes3dGrid.labels(Fixtures.fixtureCodes(i));
            labels[i][5] = Math.toRadians(labels[i][5]);
        }
        assertThat(LabelCodes.of(labels, Path.of("x.h5"))[14][5]).isEqualTo(14);
    }

    @Test void refusesAColumnWithMissingValues() {
        double[][] labels = new double[14][];
        for (int i = 0; i < 14; i++) labels[i] = Shapes3dGrid.labels(Fixtures.fixtureCodes(i));
        assertThatThrownBy(() -> LabelCodes.of(labels, Path.of("x.h5")))
                .isInstanceOf(BadInput.class)
                .hasMessage("x.h5: labels column 5 (orientation) has 14 distinct values, expected 15 (label codes are ranks among"
                        + " the values present)");
    }
}
