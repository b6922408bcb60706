package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import tensor.Tensor;
import tensor.random.Rng;

class BruteForceJacobianTest {
    @Test void recoversTheLogDeterminantOfAKnownMap() {
        // y_i = a_i·x_i + 0.1·x_{i+1}² (upper triangular Jacobian): log|det J| = Σ log|a_i|
        Rng rng = new Rng(5);
        float[] a = new float[16];
        double expected = 0;
        for (int i = 0; i < 16; i++) { a[i] = (float) (0.5 + rng.nextDouble()) * (i % 3 == 0 ? -1 : 1); expected += Math.log(Math.abs(a[i])); }
        Tensor x = Tensor.randn(rng, 1, 4, 2, 2);
        double actual = BruteForceJacobian.logAbsDet(in -> {
            float[] v = in.data(), y = new float[16];
            for (int i = 0; i < 16; i++) y[i] = a[i] * v[i] + (i < 15 ? 0.1f * v[i + 1] * v[i + 1] : 0f);
            return Tensor.of(in.shape(), y);
        }, x, 1e-2);
        assertThat(actual).isCloseTo(expected, within(1e-4));
    }
}
