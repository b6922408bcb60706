package lassi.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Shapes3dRendererTest {
    /**
     * Golden 16×16 renders of fixed tuples. The bytes come from an independent Python
     * implementation of spec §10.2 (scripts/fixtures/data.py), checked against the contact sheet.
     */
    @Test void matchesGoldenRenders() throws Exception {
        JsonNode golden = Fixtures.json("renderer_golden_16.json");
        int size = golden.get("size").asInt();
        assertThat(golden.get("cases")).hasSizeGreaterThanOrEqualTo(5);
        for (JsonNode c : golden.get("cases")) {
            int[] codes = new int[6];
            for (int i = 0; i < 6; i++) codes[i] = c.get("codes").get(i).asInt();
            byte[] expected = HexFormat.of().parseHex(c.get("hwc_hex").asText());
            byte[] actual = Shapes3dRenderer.render(codes, size);
            for (int i = 0; i < expected.length; i++)
                if (expected[i] != actual[i])
                    throw new AssertionError("render " + Arrays.toString(codes) + " byte " + i + " (y " + i / 48 + ", x "
                            + i / 3 % 16 + ", c " + i % 3 + "): expected " + (expected[i] & 0xFF) + ", got " + (actual[i] & 0xFF));
        }
    }

    @Test void orientationChangesTheImageForEveryShape() {
        for (int shape = 0; shape < 4; shape++)
            for (int[] base : new int[][] {{0, 4, 7, 0, 0, 0}, {5, 5, 5, 7, 0, 0}, {9, 1, 3, 3, 0, 0}}) {
                Set<String> renders = new HashSet<>();
                for (int o = 0; o < 15; o++) {
                    int[] codes = base.clone();
                    codes[4] = shape;
                    codes[5] = o;
                    renders.add(Arrays.toString(Shapes3dRenderer.render(codes, 16)));
                }
                assertThat(renders).as("distinct 16x16 renders over 15 orientations, shape %d base %s", shape,
                        Arrays.toString(base)).hasSize(15);
            }
    }

    @Test void boxAverageOfTheFullSceneIsConsistentAcrossSizes() {
        int[] codes = {2, 6, 1, 4, 2, 11};
        byte[] full = Shapes3dRenderer.render(codes, 64);
        byte[] one = Shapes3dRenderer.render(codes, 1);
        double[] scene = Shapes3dRenderer.scene(codes);
        for (int c = 0; c < 3; c++) {
            double mean = 0;
            for (int p = 0; p < 64 * 64; p++) mean += scene[p * 3 + c];
            mean /= 64 * 64;
            assertThat(one[c] & 0xFF).isEqualTo((int) Math.rint(255 * mean));
        }
        for (int p = 0; p < full.length; p++) assertThat(full[p] & 0xFF).isEqualTo((int) Math.rint(255 * scene[p]));
    }

    @Test void colours() {
        // floor of hue 0: HSV(0, 0.75, 0.80) = (0.80, 0.20, 0.20) → (204, 51, 51) in the bottom-left pixel
        byte[] img = Shapes3dRenderer.render(new int[] {0, 3, 6, 0, 0, 7}, 64);
        int p = (63 * 64) * 3;
        assertThat(new int[] {img[p] & 0xFF, img[p + 1] & 0xFF, img[p + 2] & 0xFF}).containsExactly(204, 51, 51);
        assertThat(Shapes3dRenderer.hsvToRgb(0.5, 1.0, 1.0)).containsExactly(0.0, 1.0, 1.0);
        assertThat(Shapes3dRenderer.hsvToRgb(0.3, 0.0, 0.4)).containsExactly(0.4, 0.4, 0.4);
    }
}
