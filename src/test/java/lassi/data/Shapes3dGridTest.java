package lassi.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Shapes3dGridTest {
    @Test void indexFormulaHandComputed() {
        assertThat(Shapes3dGrid.index(new int[] {0, 0, 0, 0, 0, 0})).isZero();
        assertThat(Shapes3dGrid.index(new int[] {9, 9, 9, 7, 3, 14})).isEqualTo(479_999);
        assertThat(Shapes3dGrid.index(new int[] {0, 0, 0, 0, 0, 1})).isEqualTo(1);
        assertThat(Shapes3dGrid.index(new int[] {0, 0, 0, 0, 1, 0})).isEqualTo(15);
        assertThat(Shapes3dGrid.index(new int[] {0, 0, 0, 1, 0, 0})).isEqualTo(60);
        assertThat(Shapes3dGrid.index(new int[] {0, 0, 1, 0, 0, 0})).isEqualTo(480);
        assertThat(Shapes3dGrid.index(new int[] {0, 1, 0, 0, 0, 0})).isEqualTo(4_800);
        assertThat(Shapes3dGrid.index(new int[] {1, 0, 0, 0, 0, 0})).isEqualTo(48_000);
        // ((((3·10 + 1)·10 + 4)·8 + 1)·4 + 2)·15 + 6 = 150_816
        assertThat(Shapes3dGrid.index(new int[] {3, 1, 4, 1, 2, 6})).isEqualTo(150_816);
    }

    @Test void codesInvertIndexOverTheWholeGrid() {
        for (int i = 0; i < Shapes3dGrid.SIZE; i++) {
            int[] codes = Shapes3dGrid.codes(i);
            if (Shapes3dGrid.index(codes) != i) throw new AssertionError("index(codes(" + i + ")) != " + i);
        }
    }

    @Test void rawLabelValues() {
        assertThat(Shapes3dFactor.FLOOR_HUE.value(3)).isEqualTo(0.3);
        assertThat(Shapes3dFactor.OBJECT_HUE.value(9)).isEqualTo(0.9);
        assertThat(Shapes3dFactor.SCALE.value(0)).isEqualTo(0.75);
        assertThat(Shapes3dFactor.SCALE.value(7)).isEqualTo(1.25, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Shapes3dFactor.SHAPE.value(3)).isEqualTo(3.0);
        assertThat(Shapes3dFactor.ORIENTATION.value(0)).isEqualTo(-30.0);
        assertThat(Shapes3dFactor.ORIENTATION.value(7)).isEqualTo(0.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Shapes3dFactor.ORIENTATION.value(14)).isEqualTo(30.0, org.assertj.core.data.Offset.offset(1e-12));
        for (Shapes3dFactor f : Shapes3dFactor.values())                  // strictly increasing: ranks are codes
            for (int c = 1; c < f.count(); c++) assertThat(f.value(c)).isGreaterThan(f.value(c - 1));
        assertThat(Shapes3dGrid.labels(new int[] {1, 2, 3, 0, 2, 14})).containsExactly(0.1, 0.2, 0.3, 0.75, 2.0, 30.0);
    }

    @Test void similarSetIsTheFifteenOrientationsInOrder() {
        int[] codes = {4, 2, 8, 5, 1, 9};
        int[] set = Shapes3dGrid.similarSet(codes);
        assertThat(set).hasSize(15);
        int first = Shapes3dGrid.index(new int[] {4, 2, 8, 5, 1, 0});
        for (int o = 0; o < 15; o++) assertThat(set[o]).isEqualTo(first + o);
    }

    @Test void rejectsCodesOutOfRange() {
        assertThatThrownBy(() -> Shapes3dGrid.index(new int[] {0, 0, 0, 8, 0, 0})).hasMessageContaining("scale code");
        assertThatThrownBy(() -> Shapes3dGrid.index(new int[] {0, 0, 0})).hasMessageContaining("expected 6");
        assertThatThrownBy(() -> Shapes3dGrid.codes(480_000)).hasMessageContaining("grid index");
    }
}
