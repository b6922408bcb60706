package tensor.ops;

import java.util.List;
import org.junit.jupiter.api.Test;
import tensor.GradCheck;
import tensor.Tensor;
import tensor.random.Rng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static tensor.ops.Inputs.ATOL;
import static tensor.ops.Inputs.EPS;
import static tensor.ops.Inputs.RTOL;

class BatchNormGradientTest {
    private static final float BN_EPS = 1e-5f;

    @Test void trainNormalisesWithBatchStatistics() {
        // feature 0: [1, 3] → μ 2, v 1; feature 1: [2, 2] → μ 2, v 0
        Tensor x = Tensor.of(new float[] {1, 2, 3, 2}, 2, 2);
        BatchNorm.Result r = BatchNorm.train(x, Tensor.of(new float[] {2, 1}, 2), Tensor.of(new float[] {0.5f, -1}, 2), BN_EPS);
        assertThat(r.mean()).containsExactly(2f, 2f);
        assertThat(r.biasedVar()).containsExactly(1f, 0f);
        float s = (float) (1 / Math.sqrt(1 + BN_EPS));
        assertThat(r.y().data()[0]).isCloseTo(0.5f - 2 * s, within(1e-6f));
        assertThat(r.y().data()[2]).isCloseTo(0.5f + 2 * s, within(1e-6f));
        assertThat(r.y().data()[1]).isEqualTo(-1f);
        assertThat(r.y().data()[3]).isEqualTo(-1f);
    }

    @Test void trainOutputHasMeanBetaAndStdGamma() {
        var rng = new Rng(81);
        Tensor x = Tensor.randn(rng, 6, 3);
        Tensor gamma = Tensor.of(new float[] {0.5f, 2f, -1f}, 3), beta = Tensor.of(new float[] {1f, 0f, -3f}, 3);
        Tensor y = BatchNorm.train(x, gamma, beta, 0f).y();
        for (int f = 0; f < 3; f++) {
            double mean = 0, sq = 0;
            for (int b = 0; b < 6; b++) mean += y.data()[b * 3 + f] / 6.0;
            for (int b = 0; b < 6; b++) sq += Math.pow(y.data()[b * 3 + f] - mean, 2) / 6.0;
            assertThat(mean).isCloseTo(beta.data()[f], within(1e-5));
            assertThat(Math.sqrt(sq)).isCloseTo(Math.abs(gamma.data()[f]), within(1e-5));
        }
    }

    @Test void trainGradientAffine() {
        var rng = new Rng(82);
        GradCheck.assertElementwise(in -> BatchNorm.train(in.get(0), in.get(1), in.get(2), BN_EPS).y(),
                List.of(Tensor.randn(rng, 4, 3), Tensor.randn(rng, 3), Tensor.randn(rng, 3)), rng, EPS, ATOL, RTOL);
    }

    @Test void trainGradientNonAffineAndSmallestBatch() {
        var rng = new Rng(83);
        GradCheck.assertElementwise(in -> BatchNorm.train(in.get(0), null, null, BN_EPS).y(),
                List.of(Tensor.randn(rng, 5, 2)), rng, EPS, ATOL, RTOL);
        // B = 2, the smallest batch allowed; eps = 0.1 keeps x̂ = ±d/√(d² + eps) off ±1, so dx is not trivially 0
        GradCheck.assertElementwise(in -> BatchNorm.train(in.get(0), in.get(1), null, 0.1f).y(),
                List.of(Tensor.randn(rng, 2, 3), Tensor.randn(rng, 3)), rng, EPS, ATOL, RTOL);
    }

    @Test void evalUsesTheRunningStatistics() {
        Tensor x = Tensor.of(new float[] {3f, 0f}, 1, 2);
        Tensor y = BatchNorm.eval(x, new float[] {1f, 0f}, new float[] {4f, 1f}, Tensor.of(new float[] {3f, 1f}, 2), null, 0f);
        assertThat(y.data()).containsExactly(3f, 0f);                  // 3·(3 − 1)/2, (0 − 0)/1
        var rng = new Rng(84);
        float[] runningMean = {0.5f, -1f, 0f}, runningVar = {2f, 0.5f, 1f};
        GradCheck.assertElementwise(in -> BatchNorm.eval(in.get(0), runningMean, runningVar, in.get(1), in.get(2), BN_EPS),
                List.of(Tensor.randn(rng, 1, 3), Tensor.randn(rng, 3), Tensor.randn(rng, 3)), rng, EPS, ATOL, RTOL);
        GradCheck.assertElementwise(in -> BatchNorm.eval(in.get(0), runningMean, runningVar, null, null, BN_EPS),
                List.of(Tensor.randn(rng, 3, 3)), rng, EPS, ATOL, RTOL);
    }

    @Test void badInputsAreNamed() {
        assertThatThrownBy(() -> BatchNorm.train(Tensor.zeros(1, 4), null, null, BN_EPS))
                .hasMessage("batch_norm: training needs more than one value per feature, got input shape [1, 4]");
        assertThatThrownBy(() -> BatchNorm.train(Tensor.zeros(3, 4), Tensor.zeros(5), null, BN_EPS))
                .hasMessage("batch_norm: parameter [5] does not match input [3, 4] (need [4])");
    }
}
