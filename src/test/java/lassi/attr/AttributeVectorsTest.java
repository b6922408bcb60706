package lassi.attr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lassi.BadInput;
import lassi.glow.GlowConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Tensor;

/** The selection rule of spec §4.2 on generated attribute-vector directories. */
class AttributeVectorsTest {
    /** S 2, L 1: one z-level (12, 1, 1), d = 12. */
    private static final List<int[]> Z_SHAPES = new GlowConfig(2, 1, 1, 1, false, true).zShapes();

    /** Writes name_v_w.npz for every pair v < w of {@code values} (as the all-pairs avg_diff), the vector filled with v·100 + w. */
    private static void allPairs(Path dir, String name, int... values) throws Exception {
        for (int i = 0; i < values.length; i++)
            for (int j = i + 1; j < values.length; j++) {
                Tensor a = Tensor.full(tensor.Shape.of(12), values[i] * 100 + values[j]);
                AttributeVectorFile.write(dir.resolve(name + "_" + values[i] + "_" + values[j] + ".npz"), a, Z_SHAPES);
            }
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = i;
        return out;
    }

    @Test void fifteenOrientationsKeep49PairsAcrossTheMedianInTheReferenceOrder(@TempDir Path dir) throws Exception {
        allPairs(dir, "orientation", range(15));
        allPairs(dir, "object_hue", range(10));                       // another attribute in the same directory
        List<String> chosen = AttributeVectors.select(dir, "orientation");
        assertThat(chosen).hasSize(49);
        assertThat(chosen.subList(0, 9)).containsExactly("orientation_0_10", "orientation_0_11", "orientation_0_12",
                "orientation_0_13", "orientation_0_14", "orientation_0_8", "orientation_0_9", "orientation_1_10", "orientation_1_11");
        assertThat(chosen.get(4)).isEqualTo("orientation_0_14");        // the vector of the ground-truth visualisation
        assertThat(chosen.get(48)).isEqualTo("orientation_6_9");
        List<String> sorted = new ArrayList<>(chosen);
        sorted.sort(null);
        assertThat(chosen).isEqualTo(sorted);
        for (String name : chosen) {
            String[] vw = name.split("_");
            assertThat(Integer.parseInt(vw[1])).isLessThan(7);
            assertThat(Integer.parseInt(vw[2])).isGreaterThan(7);
        }
        AttributeVectors.Selected loaded = AttributeVectors.load(dir, Z_SHAPES, "orientation");
        assertThat(loaded.names()).isEqualTo(chosen);
        assertThat(loaded.vectors().get(4).shape().dims()).containsExactly(12);
        assertThat(loaded.vectors().get(4).data()[11]).isEqualTo(14f);    // 0·100 + 14
    }

    @Test void evenCountUsesTheMeanOfTheTwoMiddleValues(@TempDir Path dir) throws Exception {
        allPairs(dir, "size", 0, 1, 2, 3);                             // median 1.5
        assertThat(AttributeVectors.select(dir, "size")).containsExactly("size_0_2", "size_0_3", "size_1_2", "size_1_3");
        assertThat(AttributeVectors.median(List.of(0, 1, 2, 3))).isEqualTo(1.5);
        assertThat(AttributeVectors.median(List.of(2, 5, 9))).isEqualTo(5.0);
        allPairs(dir, "hue", 0, 2);                                    // median 1: the one pair is kept
        assertThat(AttributeVectors.select(dir, "hue")).containsExactly("hue_0_2");
    }

    @Test void medianIsOverTheDistinctValuesInTheNamesOnly() {
        // Values {3, 4, 10}: median 4, so only pairs with v < 4 < w count.
        List<String> files = List.of("shape_3_4.npz", "shape_3_10.npz", "shape_4_10.npz", "shape_3.npz", "shape_x_1.npz", "notes.txt");
        assertThat(AttributeVectors.selectPairs(files, "shape", "dir")).containsExactly("shape_3_10");
    }

    @Test void aSingleVectorFileWins(@TempDir Path dir) throws Exception {
        allPairs(dir, "orientation", range(15));
        AttributeVectorFile.write(dir.resolve("orientation.npz"), Tensor.zeros(12), Z_SHAPES);
        assertThat(AttributeVectors.select(dir, "orientation")).containsExactly("orientation");
        AttributeVectors.Selected two = AttributeVectors.load(dir, Z_SHAPES, "orientation", "orientation_0_14");
        assertThat(two.names()).containsExactly("orientation", "orientation_0_14");
    }

    @Test void missingVectorsAreNamed(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> AttributeVectors.select(dir, "Pale_Skin")).isInstanceOf(BadInput.class)
                .hasMessage(dir + ": no attribute vector 'Pale_Skin': neither Pale_Skin.npz nor any Pale_Skin_<v>_<w>.npz");
        Path none = dir.resolve("attr_vectors_perp");
        assertThatThrownBy(() -> AttributeVectors.select(none, "Young")).isInstanceOf(BadInput.class)
                .hasMessage(none + " is not a directory of attribute vectors");
        assertThatThrownBy(() -> AttributeVectors.selectPairs(List.of("a_1_3.npz", "a_5_3.npz"), "a", "d"))
                .hasMessage("d: none of the 2 files a_<v>_<w>.npz has v < 3.0 < w (the median of the values [1, 3, 5])");
    }

    @Test void shapesAreCheckedWhenLoading(@TempDir Path dir) throws Exception {
        AttributeVectorFile.write(dir.resolve("Young.npz"), Tensor.zeros(12), Z_SHAPES);
        List<int[]> other = new GlowConfig(4, 1, 1, 1, false, true).zShapes();     // (12, 2, 2)
        assertThatThrownBy(() -> AttributeVectors.load(dir, other, "Young")).isInstanceOf(BadInput.class)
                .hasMessage(dir.resolve("Young.npz") + ": arr_0 has shape [12, 1, 1], but level 0 of the model has z-shape [12, 2, 2]");
    }
}
