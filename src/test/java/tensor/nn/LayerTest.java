package tensor.nn;

import java.util.List;
import org.junit.jupiter.api.Test;
import tensor.GradCheck;
import tensor.Tensor;
import tensor.random.Rng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Linear, Conv2d and BatchNorm1d as modules: init, state names, modes, gradients through their parameters. */
class LayerTest {
    // Float32 forward passes round to ~1e-7 relative; over the step 2ε = 2e-2 that noise is ~1e-5,
    // while the O(ε²) truncation error of these smooth layers is within rtol (as in the ops tests).
    private static final double EPS = 1e-2, ATOL = 1e-4, RTOL = 1e-2;

    /** U(−b, b) with b = 1/√fanIn: every value inside, and mean |w| ≈ b/2, E w² = b²/3. */
    @Test void linearAndConvUsePyTorchsDefaultUniformInit() {
        Linear linear = new Linear(64, 200, new Rng(1));
        assertUniform(linear.weight().data(), 1 / Math.sqrt(64));
        assertUniform(linear.bias().data(), 1 / Math.sqrt(64));
        Conv2d conv = new Conv2d(8, 100, 3, 1, 1, new Rng(2));
        assertUniform(conv.weight().data(), 1 / Math.sqrt(8 * 9));
        assertThat(conv.weight().shape().dims()).containsExactly(100, 8, 3, 3);
        assertThat(conv.bias().shape().dims()).containsExactly(100);
        assertThat(new Linear(64, 200, new Rng(1)).weight().data()).as("seeded").isEqualTo(linear.weight().data());
    }

    private static void assertUniform(float[] w, double bound) {
        double absSum = 0, sqSum = 0;
        for (float v : w) {
            assertThat((double) Math.abs(v)).isLessThanOrEqualTo(bound);
            absSum += Math.abs(v);
            sqSum += v * (double) v;
        }
        int n = w.length;   // standard errors: |w| has sd b/√12, w² has sd ≈ 0.3·b²; 5 sd margins
        assertThat(absSum / n).isCloseTo(bound / 2, within(5 * bound / Math.sqrt(12.0 * n)));
        assertThat(sqSum / n).isCloseTo(bound * bound / 3, within(5 * 0.3 * bound * bound / Math.sqrt(n)));
    }

    @Test void stateNamesMatchPyTorch() {
        assertThat(new Linear(3, 2, new Rng(0)).stateDict().keySet()).containsExactly("weight", "bias");
        assertThat(new BatchNorm1d(4, true).stateDict().keySet())
                .containsExactly("weight", "bias", "running_mean", "running_var", "num_batches_tracked");
        assertThat(new BatchNorm1d(4, false).stateDict().keySet())
                .containsExactly("running_mean", "running_var", "num_batches_tracked");
        assertThat(new BatchNorm1d(4, false).parameters()).isEmpty();
        assertThat(new Mlp(new Rng(0), 6, 5, 4, 3).stateDict().keySet()).containsExactly(
                "0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked",
                "3.weight", "3.bias", "4.weight", "4.bias", "4.running_mean", "4.running_var", "4.num_batches_tracked",
                "6.weight", "6.bias");
    }

    @Test void linearGradientsReachInputAndParameters() {
        var rng = new Rng(3);
        Linear linear = new Linear(5, 4, rng);
        GradCheck.assertElementwise(in -> linear.forward(in.get(0)),
                List.of(Tensor.randn(rng, 3, 5), linear.weight(), linear.bias()), rng, EPS, ATOL, RTOL);
    }

    @Test void conv2dGradientsReachInputAndParameters() {
        var rng = new Rng(4);
        Conv2d conv = new Conv2d(2, 3, 3, 2, 1, rng);
        GradCheck.assertElementwise(in -> conv.forward(in.get(0)),
                List.of(Tensor.randn(rng, 2, 2, 5, 4), conv.weight(), conv.bias()), rng, EPS, ATOL, RTOL);
        assertThat(conv.forward(Tensor.zeros(1, 2, 5, 4)).shape().dims()).containsExactly(1, 3, 3, 2);
    }

    @Test void batchNormGradientsInTrainingAndEvaluation() {
        var rng = new Rng(5);
        BatchNorm1d bn = new BatchNorm1d(3, true);
        for (int f = 0; f < 3; f++) { bn.weight().data()[f] = 0.5f + f; bn.bias().data()[f] = f - 1f; }
        GradCheck.assertElementwise(in -> bn.forward(in.get(0)),
                List.of(Tensor.randn(rng, 5, 3), bn.weight(), bn.bias()), rng, EPS, ATOL, RTOL);
        bn.eval();
        GradCheck.assertElementwise(in -> bn.forward(in.get(0)),
                List.of(Tensor.randn(rng, 4, 3), bn.weight(), bn.bias()), rng, EPS, ATOL, RTOL);
    }

    /** Hand-computed: x = [1, 3] (one feature), μ = 2, biased v = 1, unbiased 2. */
    @Test void batchNormTrainingUpdatesRunningStatisticsWithTheUnbiasedVariance() {
        BatchNorm1d bn = new BatchNorm1d(1, false);
        Tensor y = bn.forward(Tensor.of(new float[] {1f, 3f}, 2, 1));
        float expected = (float) (1 / Math.sqrt(1 + 1e-5));
        assertThat(y.data()).containsExactly(new float[] {-expected, expected}, within(1e-7f));
        assertThat(bn.runningMean().data()[0]).isCloseTo(0.9f * 0f + 0.1f * 2f, within(1e-7f));
        assertThat(bn.runningVar().data()[0]).isCloseTo(0.9f * 1f + 0.1f * 2f, within(1e-7f));
        assertThat(bn.stateDict().get("num_batches_tracked").item()).isEqualTo(1f);

        bn.eval();                                                     // now (x − 0.2)/√(1.1 + eps); no update
        Tensor e = bn.forward(Tensor.of(new float[] {0.2f, 1.3f, 5f}, 3, 1));
        assertThat(e.data()[0]).isCloseTo(0f, within(1e-7f));
        assertThat(e.data()[1]).isCloseTo((float) (1.1 / Math.sqrt(1.1 + 1e-5)), within(1e-6f));
        assertThat(bn.runningMean().data()[0]).isCloseTo(0.2f, within(1e-7f));
        assertThat(bn.stateDict().get("num_batches_tracked").item()).isEqualTo(1f);
    }

    @Test void batchNormRejectsATrainingBatchOfOne() {
        BatchNorm1d bn = new BatchNorm1d(2, true);
        assertThatThrownBy(() -> bn.forward(Tensor.zeros(1, 2))).hasMessageContaining("[1, 2]");
        assertThat(bn.stateDict().get("num_batches_tracked").item()).isZero();
        bn.eval();
        assertThat(bn.forward(Tensor.zeros(1, 2)).shape().dims()).containsExactly(1, 2);   // fine in evaluation
    }

    @Test void mlpFlattensItsInputAndChecksTheWidth() {
        Mlp mlp = new Mlp(new Rng(6), 12, 5, 3);
        assertThat(mlp.forward(Tensor.randn(new Rng(7), 4, 3, 2, 2)).shape().dims()).containsExactly(4, 3);
        assertThatThrownBy(() -> mlp.forward(Tensor.zeros(4, 10))).hasMessage("Mlp: input [4, 10] does not have 12 features per row");
        assertThatThrownBy(() -> new Mlp(new Rng(0), 3)).hasMessageContaining("need at least two widths");
        assertThat(new Mlp(new Rng(0), 3, 2).stateDict().keySet()).containsExactly("0.weight", "0.bias");
    }

    @Test void trainAndEvalReachEveryLayer() {
        Mlp mlp = new Mlp(new Rng(8), 4, 3, 2);
        mlp.eval();
        Tensor x = Tensor.randn(new Rng(9), 1, 4);                     // a single row only works in evaluation
        assertThat(mlp.forward(x).shape().dims()).containsExactly(1, 2);
        mlp.train();
        assertThatThrownBy(() -> mlp.forward(x)).isInstanceOf(IllegalArgumentException.class);
    }
}
