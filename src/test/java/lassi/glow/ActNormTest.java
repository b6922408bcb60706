package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tensor.Grad;
import tensor.Tensor;
import tensor.random.Rng;

class ActNormTest {
    /** A batch whose channel c has mean 3c − 2 and std 0.5 + c. */
    private static Tensor shiftedBatch(Rng rng, int n, int c, int h, int w) {
        Tensor x = Tensor.randn(rng, n, c, h, w);
        for (int i = 0; i < x.size(); i++) {
            int ch = (i / (h * w)) % c;
            x.data()[i] = x.data()[i] * (0.5f + ch) + 3 * ch - 2;
        }
        return x;
    }

    @Test void firstBatchComesOutWithZeroMeanAndUnitStdPerChannel() {
        ActNorm actnorm = new ActNorm(3);
        assertThat(actnorm.isInitialized()).isFalse();
        Tensor x = shiftedBatch(new Rng(1), 8, 3, 4, 4);
        Tensor y;
        try (var scope = Grad.disabled()) {
            y = actnorm.forward(x).y();
        }
        assertThat(actnorm.isInitialized()).isTrue();
        int count = 8 * 16;
        for (int c = 0; c < 3; c++) {
            double sum = 0, squares = 0;
            for (int n = 0; n < 8; n++) for (int p = 0; p < 16; p++) sum += y.data()[(n * 3 + c) * 16 + p];
            double mean = sum / count;
            for (int n = 0; n < 8; n++) for (int p = 0; p < 16; p++) squares += Math.pow(y.data()[(n * 3 + c) * 16 + p] - mean, 2);
            assertThat(mean).isCloseTo(0, within(1e-5));
            assertThat(Math.sqrt(squares / (count - 1))).as("unbiased std (Q15)").isCloseTo(1, within(1e-5));
        }
    }

    @Test void initUsesTheUnbiasedStd() {                          // values {0, 2}: mean 1, unbiased std √2
        ActNorm actnorm = new ActNorm(1);
        try (var scope = Grad.disabled()) {
            actnorm.forward(Tensor.of(new float[] {0f, 2f}, 1, 1, 1, 2));
        }
        assertThat(actnorm.stateDict().get("loc").item()).isEqualTo(-1f);
        assertThat(actnorm.stateDict().get("scale").item()).isCloseTo((float) (1 / (Math.sqrt(2) + 1e-6)), within(1e-7f));
    }

    @Test void aLoadedModelIsNotReinitialised() {
        ActNorm trained = new ActNorm(2);
        try (var scope = Grad.disabled()) {
            trained.forward(shiftedBatch(new Rng(2), 4, 2, 2, 2));
        }
        ActNorm loaded = new ActNorm(2);
        Map<String, Tensor> state = trained.stateDict();
        loaded.loadStateDict(state);
        assertThat(loaded.isInitialized()).isTrue();
        try (var scope = Grad.disabled()) {
            loaded.forward(shiftedBatch(new Rng(3), 4, 2, 2, 2));
        }
        assertThat(loaded.stateDict().get("loc").data()).containsExactly(state.get("loc").data());
        assertThat(loaded.stateDict().get("scale").data()).containsExactly(state.get("scale").data());
    }

    @Test void invertsHasTheJacobianLogdetAndCorrectGradients() {
        Rng rng = new Rng(4);
        ActNorm actnorm = new ActNorm(4);
        try (var scope = Grad.disabled()) {
            actnorm.forward(shiftedBatch(rng, 2, 4, 2, 2));
        }
        Tensor x = Tensor.randn(rng, 1, 4, 2, 2);
        FlowChecks.assertInverts(actnorm, x, 1e-5);
        FlowChecks.assertLogdetIsLogAbsDetJacobian(actnorm, x, 1e-3);
        FlowChecks.assertGradients(actnorm, actnorm, x, rng, false);
    }

    @Test void logdetIsHTimesWTimesSumOfLogAbsScale() {
        ActNorm actnorm = new ActNorm(2);
        actnorm.loadStateDict(Map.of("loc", Tensor.zeros(1, 2, 1, 1), "scale", Tensor.of(new float[] {2f, -0.25f}, 1, 2, 1, 1),
                "initialized", Tensor.scalar(1f)));
        float logdet = actnorm.forward(Tensor.zeros(1, 2, 3, 5)).logdet().item();
        assertThat(logdet).isCloseTo((float) (15 * (Math.log(2) + Math.log(0.25))), within(1e-6f));
    }
}
