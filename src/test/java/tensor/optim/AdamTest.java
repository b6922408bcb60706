package tensor.optim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Tensor;
import tensor.io.NpyArray;
import tensor.io.Npz;
import tensor.nn.Parameter;
import tensor.random.Rng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AdamTest {
    @TempDir Path dir;

    private static Parameter param(String name, Tensor value) {
        return new Parameter(name, value.requiresGrad(true));
    }

    /** The update rule of spec Appendix B in double precision, for one element over several steps. */
    @Test void followsTheAppendixBFormulaOverSeveralSteps() {
        double lr = 0.01, beta1 = 0.8, beta2 = 0.99, eps = 1e-6;
        Tensor w = Tensor.of(new float[] {0.5f, -1.5f, 2f}, 3);
        Adam adam = new Adam(List.of(param("w", w)), lr, beta1, beta2, eps);
        double[] theta = {0.5, -1.5, 2}, m = new double[3], v = new double[3];
        var rng = new Rng(11);
        for (int t = 1; t <= 5; t++) {
            adam.zeroGrad();
            for (int i = 0; i < 3; i++) {
                float g = (float) rng.nextGaussian();
                w.grad()[i] = g;
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                theta[i] -= lr * (m[i] / (1 - Math.pow(beta1, t))) / (Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(beta2, t)) + eps);
            }
            adam.step();
            for (int i = 0; i < 3; i++)
                assertThat((double) w.data()[i]).as("step %d element %d", t, i).isCloseTo(theta[i], within(1e-6));
        }
        assertThat(adam.steps(0)).isEqualTo(5);
    }

    /** At t = 1 the bias-corrected moments are g and g², so θ moves by lr·g/(|g| + eps). */
    @Test void epsIsAddedAfterTheBiasCorrectedSquareRoot() {
        Tensor w = Tensor.of(new float[] {0f, 0f}, 2);
        Adam adam = new Adam(List.of(param("w", w)), 0.1);               // eps = 1e-8
        w.grad()[0] = 1e-8f;                                             // |g| = eps: the step is lr/2
        w.grad()[1] = -3f;                                               // |g| >> eps: the step is lr
        adam.step();
        assertThat(w.data()[0]).isCloseTo(-0.05f, within(1e-6f));
        assertThat(w.data()[1]).isCloseTo(0.1f, within(1e-6f));
    }

    @Test void skipsParametersWithoutAGradientButStepsZeroedOnes() {
        Tensor a = Tensor.of(new float[] {1f}, 1), b = Tensor.of(new float[] {1f}, 1);
        Adam adam = new Adam(List.of(param("a", a), param("b", b)), 0.1);
        a.grad()[0] = 2f;
        adam.step();                                                     // b has no gradient buffer: skipped
        assertThat(b.data()[0]).isEqualTo(1f);
        assertThat(adam.steps(1)).isZero();
        adam.zeroGrad();
        float afterFirst = a.data()[0];
        adam.step();                                                     // zero gradient, but m ≠ 0: a still moves
        assertThat(a.data()[0]).isLessThan(afterFirst);
        assertThat(adam.steps(0)).isEqualTo(2);
    }

    /** Saving after k steps and loading into a fresh optimizer continues bit for bit. */
    @Test void stateRoundTripsThroughAnNpzForAnExactResume() throws IOException {
        var rng = new Rng(5);
        Tensor w1 = Tensor.randn(rng, 2, 3), b1 = Tensor.randn(rng, 3);
        Tensor w2 = w1.copy(), b2 = b1.copy();
        Adam first = new Adam(List.of(param("fc.weight", w1), param("fc.bias", b1)), 0.01);
        float[][] grads = new float[6][];
        for (int s = 0; s < 6; s++) grads[s] = Tensor.randn(rng, 9).data();
        for (int s = 0; s < 3; s++) apply(first, grads[s], w1, b1);

        Map<String, NpyArray> saved = new LinkedHashMap<>();
        first.stateDict().forEach((k, t) -> saved.put(k, NpyArray.of(t)));
        Path file = dir.resolve("adam.npz");
        Npz.write(file, saved);
        assertThat(saved.keySet()).containsExactly("fc.weight.exp_avg", "fc.weight.exp_avg_sq", "fc.weight.step",
                "fc.bias.exp_avg", "fc.bias.exp_avg_sq", "fc.bias.step");

        System.arraycopy(w1.data(), 0, w2.data(), 0, 6);
        System.arraycopy(b1.data(), 0, b2.data(), 0, 3);
        Adam resumed = new Adam(List.of(param("fc.weight", w2), param("fc.bias", b2)), 0.01);
        Map<String, Tensor> loaded = new LinkedHashMap<>();
        Npz.read(file).forEach((k, a) -> loaded.put(k, a.toTensor()));
        resumed.loadStateDict(loaded);
        assertThat(resumed.steps(0)).isEqualTo(3);
        for (int s = 3; s < 6; s++) {
            apply(first, grads[s], w1, b1);
            apply(resumed, grads[s], w2, b2);
        }
        assertThat(w2.data()).isEqualTo(w1.data());
        assertThat(b2.data()).isEqualTo(b1.data());
    }

    private static void apply(Adam adam, float[] g, Tensor w, Tensor b) {
        adam.zeroGrad();
        System.arraycopy(g, 0, w.grad(), 0, 6);
        System.arraycopy(g, 6, b.grad(), 0, 3);
        adam.step();
    }

    @Test void loadingAMismatchedStateNamesTheKeysAndShapes() {
        Tensor w = Tensor.zeros(2, 2);
        Adam adam = new Adam(List.of(param("w", w)), 0.01);
        Map<String, Tensor> state = new LinkedHashMap<>(adam.stateDict());
        state.remove("w.exp_avg_sq");
        state.put("v.step", Tensor.scalar(1));
        assertThatThrownBy(() -> adam.loadStateDict(state))
                .hasMessage("Adam state does not match the parameters: missing keys [w.exp_avg_sq]: unexpected keys [v.step]");

        Map<String, Tensor> badShape = new LinkedHashMap<>(adam.stateDict());
        badShape.put("w.exp_avg", Tensor.zeros(4));
        assertThatThrownBy(() -> adam.loadStateDict(badShape))
                .hasMessage("Adam state 'w.exp_avg': shape [4] does not match [2, 2]");

        Map<String, Tensor> badStep = new LinkedHashMap<>(adam.stateDict());
        badStep.put("w.step", Tensor.scalar(1.5f));
        assertThatThrownBy(() -> adam.loadStateDict(badStep)).hasMessageContaining("must be a non-negative integer, got 1.5");
    }

    @Test void rejectsBadHyperparametersAndDuplicateNames() {
        Tensor w = Tensor.zeros(1);
        assertThatThrownBy(() -> new Adam(List.of(param("w", w)), -1)).hasMessage("Adam: lr must be >= 0, got -1.0");
        assertThatThrownBy(() -> new Adam(List.of(param("w", w)), 0.1, 1.0, 0.999, 1e-8)).hasMessageContaining("beta1 must be in [0, 1)");
        assertThatThrownBy(() -> new Adam(List.of(param("w", w), param("w", Tensor.zeros(1))), 0.1))
                .hasMessage("Adam: duplicate parameter name 'w'");
    }
}
