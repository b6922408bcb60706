package tensor.ops;

import java.util.List;
import org.junit.jupiter.api.Test;
import tensor.GradCheck;
import tensor.Shape;
import tensor.Tensor;
import tensor.random.Rng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tensor.ops.Inputs.ATOL;
import static tensor.ops.Inputs.EPS;
import static tensor.ops.Inputs.RTOL;

/** Max, Argmax and Norm along one axis. */
class AxisReductionGradientTest {

    @Test void maxAndArgmaxValues() {
        Tensor x = Tensor.of(new float[] {1, 5, 3, 7, 2, 7}, 2, 3);
        assertThat(Argmax.apply(x, 1)).containsExactly(1, 0);        // the tie 7, 7 in row 1 goes to index 0
        assertThat(Argmax.apply(x, -2)).containsExactly(1, 0, 1);
        Tensor m = Max.apply(x, -1, true);
        assertThat(m.shape()).isEqualTo(Shape.of(2, 1));
        assertThat(m.data()).containsExactly(5f, 7f);
        assertThat(Max.apply(x, 0, false).shape()).isEqualTo(Shape.of(3));
        assertThatThrownBy(() -> Argmax.apply(x, 2)).hasMessage("argmax: axis 2 out of range for shape [2, 3]");
    }

    @Test void maxGradientAwayFromTies() {
        var rng = new Rng(51);                                        // Gaussian entries: ties have probability 0
        GradCheck.assertElementwise(in -> Max.apply(in.get(0), 1, false), List.of(Tensor.randn(rng, 2, 5, 3)), rng, EPS, ATOL, RTOL);
        GradCheck.assertElementwise(in -> Max.apply(in.get(0), -1, true), List.of(Tensor.randn(rng, 3, 1)), rng, EPS, ATOL, RTOL);
    }

    @Test void maxGradientGoesToTheFirstOfTiedEntries() {
        Tensor x = Tensor.of(new float[] {2, 7, 7, 1}, 4).requiresGrad(true);
        Max.apply(x, 0, false).backward();
        assertThat(x.grad()).containsExactly(0f, 1f, 0f, 0f);
    }

    @Test void normValueAndGradient() {
        Tensor x = Tensor.of(new float[] {3, 4, 0, 0}, 2, 2).requiresGrad(true);
        Tensor n = Norm.apply(x, 1, false);
        assertThat(n.data()).containsExactly(5f, 0f);
        n.backward(new float[] {1f, 1f});
        assertThat(x.grad()).containsExactly(0.6f, 0.8f, 0f, 0f);    // x/|x|, and 0 for the zero vector
        var rng = new Rng(52);
        GradCheck.assertElementwise(in -> Norm.apply(in.get(0), -2, true), List.of(Tensor.randn(rng, 2, 3, 2)), rng, EPS, ATOL, RTOL);
        GradCheck.assertElementwise(in -> Norm.apply(in.get(0), 0, false), List.of(Tensor.randn(rng, 1, 4)), rng, EPS, ATOL, RTOL);
    }
}
