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

class SoftmaxCrossEntropyGradientTest {

    @Test void logSoftmaxOfAKnownVector() {
        // x = [0, ln 2, ln 3]: Σ e^x = 6, so y = x − ln 6 = [−ln 6, −ln 3, −ln 2]
        Tensor y = LogSoftmax.apply(Tensor.of(new float[] {0f, (float) Math.log(2), (float) Math.log(3)}, 3), 0);
        assertThat(y.data()[0]).isCloseTo((float) -Math.log(6), within(1e-6f));
        assertThat(y.data()[1]).isCloseTo((float) -Math.log(3), within(1e-6f));
        assertThat(y.data()[2]).isCloseTo((float) -Math.log(2), within(1e-6f));
    }

    @Test void logSoftmaxIsStableForLargeLogits() {
        Tensor y = LogSoftmax.apply(Tensor.of(new float[] {1000f, 1000f}, 1, 2), 1);
        assertThat(y.data()[0]).isCloseTo((float) -Math.log(2), within(1e-6f));
        assertThat(y.data()[1]).isCloseTo((float) -Math.log(2), within(1e-6f));
    }

    @Test void logSoftmaxGradient() {
        var rng = new Rng(71);
        GradCheck.assertElementwise(in -> LogSoftmax.apply(in.get(0), -1), List.of(Tensor.randn(rng, 3, 4)), rng, EPS, ATOL, RTOL);
        GradCheck.assertElementwise(in -> LogSoftmax.apply(in.get(0), 1), List.of(Tensor.randn(rng, 2, 3, 2)), rng, EPS, ATOL, RTOL);
        GradCheck.assertElementwise(in -> LogSoftmax.apply(in.get(0), 0), List.of(Tensor.randn(rng, 1, 2)), rng, EPS, ATOL, RTOL);
    }

    @Test void crossEntropyOfAHandComputedBatch() {
        // row 0: z = [0, 0, 0], y = 1 → ln 3; row 1: z = [ln 2, 0, 0], y = 0 → ln 4 − ln 2 = ln 2
        Tensor z = Tensor.of(new float[] {0, 0, 0, (float) Math.log(2), 0, 0}, 2, 3).requiresGrad(true);
        Tensor loss = CrossEntropy.apply(z, new int[] {1, 0});
        assertThat(loss.rank()).isZero();
        assertThat(loss.item()).isCloseTo((float) ((Math.log(3) + Math.log(2)) / 2), within(1e-6f));
        loss.backward();
        // (softmax − onehot) / B: row 0 softmax [1/3, 1/3, 1/3], row 1 softmax [1/2, 1/4, 1/4]
        float[] expected = {1f / 6, -1f / 3, 1f / 6, -1f / 4, 1f / 8, 1f / 8};
        for (int i = 0; i < expected.length; i++) assertThat(z.grad()[i]).isCloseTo(expected[i], within(1e-6f));
    }

    @Test void crossEntropyMatchesMinusMeanLogSoftmaxAtTheTarget() {
        var rng = new Rng(72);
        Tensor z = Tensor.randn(rng, 4, 5);
        int[] y = {4, 0, 2, 2};
        Tensor logP = LogSoftmax.apply(z, 1);
        double expected = 0;
        for (int b = 0; b < 4; b++) expected -= logP.data()[b * 5 + y[b]] / 4.0;
        assertThat((double) CrossEntropy.apply(z, y).item()).isCloseTo(expected, within(1e-5));
    }

    @Test void crossEntropyGradientAndStability() {
        var rng = new Rng(73);
        GradCheck.assertElementwise(in -> CrossEntropy.apply(in.get(0), new int[] {2, 0, 1}), List.of(Tensor.randn(rng, 3, 3)), rng, EPS, ATOL, RTOL);
        GradCheck.assertElementwise(in -> CrossEntropy.apply(in.get(0), new int[] {0}), List.of(Tensor.randn(rng, 1, 1)), rng, EPS, ATOL, RTOL);
        Tensor big = Tensor.of(new float[] {1000f, -1000f}, 1, 2).requiresGrad(true);
        Tensor loss = CrossEntropy.apply(big, new int[] {1});
        assertThat(loss.item()).isEqualTo(2000f);
        loss.backward();
        assertThat(big.grad()).containsExactly(1f, -1f);
    }

    @Test void crossEntropyRejectsBadTargets() {
        assertThatThrownBy(() -> CrossEntropy.apply(Tensor.zeros(2, 3), new int[] {0, 3}))
                .hasMessage("cross_entropy: target 3 at row 1 out of range for logits [2, 3]");
        assertThatThrownBy(() -> CrossEntropy.apply(Tensor.zeros(2, 3), new int[] {0}))
                .hasMessageContaining("logits [2, 3] and 1 targets do not fit");
    }
}
