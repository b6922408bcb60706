package tensor.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tensor.Tensor;
import tensor.nn.Parameter;

class AdamLearningRateTest {
    /** θ after two steps on the constant gradient g = [1, −2], with lr1 for step 1 and lr2 for step 2. */
    private static float[] twoSteps(double initialLr, double lr1, double lr2) {
        Tensor theta = Tensor.of(new float[] {0.5f, -0.5f}, 2).requiresGrad(true);
        Adam adam = new Adam(List.of(new Parameter("theta", theta)), initialLr);
        for (double lr : new double[] {lr1, lr2}) {
            theta.grad()[0] = 1f;
            theta.grad()[1] = -2f;
            adam.setLearningRate(lr);
            adam.step();
        }
        return theta.data();
    }

    @Test void aSetLearningRateActsLikeOneGivenAtConstruction() {
        assertThat(twoSteps(1e-2, 1e-3, 1e-3)).containsExactly(twoSteps(1e-3, 1e-3, 1e-3));
    }

    @Test void eachStepUsesTheRateSetBeforeIt() {
        // the first step of Adam moves every coordinate by lr·sign(g) (m̂ / √v̂ = ±1, up to eps)
        float[] theta = twoSteps(1e-3, 0.25, 0);
        assertThat(theta[0]).isCloseTo(0.25f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(theta[1]).isCloseTo(-0.25f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThatThrownBy(() -> new Adam(List.of(), 1e-3).setLearningRate(-1)).hasMessageContaining("lr must be >= 0");
    }
}
