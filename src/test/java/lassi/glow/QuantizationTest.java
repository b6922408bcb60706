package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tensor.Tensor;
import tensor.random.Rng;

class QuantizationTest {
    @Test void pixelsLandOnTheFiveBitGrid() {                  // §2.1 step 4
        assertThat(Quantization.quantize(0)).isEqualTo(-0.5f);
        assertThat(Quantization.quantize(7)).isEqualTo(-0.5f);
        assertThat(Quantization.quantize(8)).isEqualTo(-0.46875f);
        assertThat(Quantization.quantize(255)).isEqualTo(0.46875f);
        for (int p = 0; p < 256; p++) {
            float v = p / 255f;                                    // the reference's float32 path: floor(255·v / 8)
            float expected = (float) Math.floor(v * 255f / 8f) / 32f - 0.5f;
            assertThat(Quantization.quantize(p)).as("pixel %d", p).isEqualTo(expected);
        }
    }

    @Test void dequantisationNoiseStaysInsideTheBin() {
        Tensor x = Tensor.full(tensor.Shape.of(4000), 0.25f);
        float[] y = Quantization.dequantize(x, new Rng(1)).data();
        double mean = 0;
        for (float v : y) {
            assertThat(v).isGreaterThanOrEqualTo(0.25f).isLessThan(0.25f + 1f / 32);
            mean += v - 0.25;
        }
        assertThat(mean / y.length).isCloseTo(1.0 / 64, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(x.data()[0]).as("input untouched").isEqualTo(0.25f);
    }
}
