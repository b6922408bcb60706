package lassi.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PreprocessTest {
    @Test void eightBitPixelsLandInBinBShiftedThree() {
        for (int b = 0; b < 256; b++)
            assertThat(Preprocess.quantise(b / 255f)).as("pixel %d", b).isEqualTo((b >> 3) / 32f - 0.5f);
        assertThat(Preprocess.quantise(0f)).isEqualTo(-0.5f);
        assertThat(Preprocess.quantise(1f)).isEqualTo(0.46875f);
    }

    @Test void hwcBytesBecomeChwPlanes() {
        int s = 2;
        byte[] hwc = new byte[s * s * 3];
        for (int i = 0; i < hwc.length; i++) hwc[i] = (byte) (i * 20);
        float[] out = new float[1 + 3 * s * s];
        Preprocess.fromHwcBytes(hwc, 0, s, out, 1);
        for (int y = 0; y < s; y++)
            for (int x = 0; x < s; x++)
                for (int c = 0; c < 3; c++)
                    assertThat(out[1 + (c * s + y) * s + x]).isEqualTo(((((y * s + x) * 3 + c) * 20) >> 3) / 32f - 0.5f);
    }

    /**
     * Golden cases from PyTorch (interpolate bilinear, align_corners=False; crop with round; floor
     * quantise). PyTorch's kernel rounds differently in the last float32 bit, so resized values
     * must agree within 1e-6, and 5-bit levels exactly except where PyTorch's 255·v/8 lies within
     * 1e-4 of a level boundary (there ±1).
     */
    @Test void resizeCropQuantiseMatchesTorch() throws Exception {
        JsonNode cases = Fixtures.json("resize_crop.json").get("cases");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(5);
        for (JsonNode c : cases) {
            int h = c.get("height").asInt(), w = c.get("width").asInt(), s = c.get("size").asInt();
            float[] chw = new float[3 * h * w];
            JsonNode in = c.get("input_hwc");
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    for (int ch = 0; ch < 3; ch++) chw[(ch * h + y) * w + x] = in.get((y * w + x) * 3 + ch).asInt() / 255f;
            float[] cropped = Preprocess.resizeCrop(chw, h, w, s);
            float[] out = new float[3 * s * s];
            Preprocess.resizeCropQuantise(chw, h, w, s, out, 0);
            String where = h + "x" + w + " -> " + s + ": element ";
            for (int i = 0; i < out.length; i++) {
                double torch = c.get("expected_chw").get(i).asDouble();
                if (Math.abs(cropped[i] - torch) > 1e-6)
                    throw new AssertionError(where + i + " resized value expected " + torch + ", got " + cropped[i] + " (atol 1e-6)");
                int q = Math.round((out[i] + 0.5f) * 32), expected = c.get("expected_q_chw").get(i).asInt();
                double level = torch * 255 / 8;
                boolean boundary = Math.abs(level - Math.rint(level)) < 1e-4;
                if (boundary ? Math.abs(q - expected) > 1 : q != expected)
                    throw new AssertionError(where + i + " expected level " + expected + ", got " + q);
            }
        }
    }

    @Test void celebaGeometryKeepsRowsSevenToSeventy() {
        // 178×218 → 64×78 (floor(64·218/178) = 78), crop top rint(14/2) = 7: output row r = resized row r + 7.
        int h = 218, w = 178;
        float[] chw = new float[3 * h * w];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) chw[(c * h + y) * w + x] = y / (float) (h - 1);
        float[] resized = Preprocess.resizeBilinear(chw, h, w, 78, 64);
        float[] out = new float[3 * 64 * 64];
        Preprocess.resizeCropQuantise(chw, h, w, 64, out, 0);
        for (int r = 0; r < 64; r++) assertThat(out[r * 64]).isEqualTo(Preprocess.quantise(resized[(r + 7) * 64]));
    }
}
