package lassi.attr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lassi.BadInput;
import lassi.glow.GlowConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Golden;
import tensor.Tensor;
import tensor.io.NpyArray;
import tensor.io.Npz;

class AttributeVectorFileTest {
    /** S 8, L 2: z-shapes (6, 4, 4) and (24, 2, 2), d = 192. */
    private static final List<int[]> Z_SHAPES = new GlowConfig(8, 2, 1, 4, false, true).zShapes();

    @Test void readsWhatNumpyWrites() throws Exception {
        Map<String, NpyArray> expected = Golden.npz("attr_vectors", "expected.npz", 1);
        assertThat(expected.get("z_shapes").toInts()).containsExactly(6, 4, 4, 24, 2, 2);
        Tensor a = AttributeVectorFile.read(Golden.path("attr_vectors", "orientation_0_14.npz"), Z_SHAPES);
        Golden.assertClose("wrapped", a, expected.get("wrapped"), 0, 0);     // a copy: exact
    }

    @Test void wrapsLevelsFlattenedInChwOrderFinestFirst(@TempDir Path dir) throws Exception {
        float[] level0 = new float[96], level1 = new float[96];
        for (int i = 0; i < 96; i++) {
            level0[i] = i;                                             // value = (C, H, W) row-major index
            level1[i] = 1000 + i;
        }
        Map<String, NpyArray> members = new LinkedHashMap<>();
        members.put("arr_1", NpyArray.ofFloats(level1, 24, 2, 2));    // member order in the archive does not matter
        members.put("arr_0", NpyArray.ofFloats(level0, 6, 4, 4));
        Path file = dir.resolve("a.npz");
        Npz.write(file, members);
        float[] a = AttributeVectorFile.read(file, Z_SHAPES).data();
        assertThat(a).hasSize(192);
        for (int i = 0; i < 96; i++) {
            assertThat(a[i]).isEqualTo(i);
            assertThat(a[96 + i]).isEqualTo(1000 + i);
        }
    }

    @Test void writerWritesTheReferenceLayout(@TempDir Path dir) throws Exception {
        float[] values = new float[192];
        for (int i = 0; i < values.length; i++) values[i] = (float) Math.sin(i);
        Path file = dir.resolve("Pale_Skin.npz");
        AttributeVectorFile.write(file, Tensor.of(values, 192), Z_SHAPES);
        Map<String, NpyArray> members = Npz.read(file);
        assertThat(members.keySet()).containsExactly("arr_0", "arr_1");
        assertThat(members.get("arr_0").shape()).containsExactly(6, 4, 4);
        assertThat(members.get("arr_1").shape()).containsExactly(24, 2, 2);
        assertThat(members.get("arr_0").dtype()).isEqualTo(NpyArray.DType.FLOAT32);
        assertThat(members.get("arr_1").toFloats()[0]).isEqualTo(values[96]);
        assertThat(AttributeVectorFile.read(file, Z_SHAPES).data()).containsExactly(values);
        assertThatThrownBy(() -> AttributeVectorFile.write(file, Tensor.zeros(1, 192), Z_SHAPES)).hasMessageContaining("wrapped [d]");
        assertThatThrownBy(() -> AttributeVectorFile.write(file, Tensor.zeros(191), Z_SHAPES)).hasMessageContaining("d = 192");
    }

    @Test void shapeMismatchNamesTheFileTheMemberAndBothShapes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("orientation_0_1.npz");
        Npz.write(file, Map.of("arr_0", NpyArray.ofFloats(new float[96], 6, 4, 4), "arr_1", NpyArray.ofFloats(new float[96], 96)));
        assertThatThrownBy(() -> AttributeVectorFile.read(file, Z_SHAPES)).isInstanceOf(BadInput.class)
                .hasMessage(file + ": arr_1 has shape [96], but level 1 of the model has z-shape [24, 2, 2]");
        Path wrongModel = dir.resolve("other.npz");
        AttributeVectorFile.write(wrongModel, Tensor.zeros(192), Z_SHAPES);
        List<int[]> threeLevels = new GlowConfig(8, 3, 1, 4, false, true).zShapes();
        assertThatThrownBy(() -> AttributeVectorFile.read(wrongModel, threeLevels)).isInstanceOf(BadInput.class)
                .hasMessage(wrongModel + ": members [arr_0, arr_1], but an attribute vector of a Glow with 3 levels has exactly "
                        + "[arr_0, arr_1, arr_2] (one array per z-level)");
        Path ints = dir.resolve("ints.npz");
        Npz.write(ints, Map.of("arr_0", NpyArray.ofLongs(new long[96], 6, 4, 4), "arr_1", NpyArray.ofFloats(new float[96], 24, 2, 2)));
        assertThatThrownBy(() -> AttributeVectorFile.read(ints, Z_SHAPES)).hasMessage(ints + ": arr_0 has dtype <i8, expected float32 ('<f4') or float64");
    }
}
