package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import tensor.Shape;
import tensor.Tensor;
import tensor.random.Rng;

class DequantizationTest {
    @Test void noiseStaysInsideTheBinAndAveragesHalfABin() {
        Tensor x = Tensor.full(Shape.of(4000), 0.25f);
        float[] y = Dequantization.dequantize(x, new Rng(1)).data();
        double mean = 0;
        for (float v : y) {
            assertThat(v).isGreaterThanOrEqualTo(0.25f).isLessThan(0.25f + 1f / 32);
            mean += v - 0.25;
        }
        assertThat(mean / y.length).isCloseTo(1.0 / 64, within(0.0005));
        assertThat(x.data()[0]).as("input untouched").isEqualTo(0.25f);
    }
}
