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

class SumMeanGradientTest {
    private static final Tensor X23 = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);

    @Test void sumValuesAndShapes() {
        assertThat(Sum.apply(X23, false).shape()).isEqualTo(Shape.scalar());
        assertThat(Sum.apply(X23, false).item()).isEqualTo(21f);
        assertThat(Sum.apply(X23, true).shape()).isEqualTo(Shape.of(1, 1));
        assertThat(Sum.apply(X23, false, 0).data()).containsExactly(5f, 7f, 9f);
        assertThat(Sum.apply(X23, true, -1).shape()).isEqualTo(Shape.of(2, 1));
        assertThat(Sum.apply(X23, true, -1).data()).containsExactly(6f, 15f);
        assertThat(Mean.apply(X23, false, 1).data()).containsExactly(2f, 5f);
        assertThat(Mean.apply(X23, false).item()).isEqualTo(3.5f);
    }

    @Test void sumGradientOverSeveralAxes() {
        var rng = new Rng(21);
        GradCheck.assertElementwise(in -> Sum.apply(in.get(0), false, 0, 2),
                List.of(Tensor.randn(rng, 2, 3, 5)), rng, EPS, ATOL, RTOL);
        GradCheck.assertElementwise(in -> Sum.apply(in.get(0), true, -1, 1),
                List.of(Tensor.randn(rng, 3, 1, 2, 3)), rng, EPS, ATOL, RTOL);
        GradCheck.assertElementwise(in -> Sum.apply(in.get(0), false),
                List.of(Tensor.randn(rng, 3, 4)), rng, EPS, ATOL, RTOL);
    }

    @Test void meanGradientDividesByTheReducedCount() {
        var rng = new Rng(22);
        GradCheck.assertElementwise(in -> Mean.apply(in.get(0), true, 0, 2),
                List.of(Tensor.randn(rng, 2, 3, 5)), rng, EPS, ATOL, RTOL);
        GradCheck.assertElementwise(in -> Mean.apply(in.get(0), false, -2),
                List.of(Tensor.randn(rng, 1, 7, 1)), rng, EPS, ATOL, RTOL);
        Tensor x = Tensor.zeros(4, 5).requiresGrad(true);
        Mean.apply(x, false).backward();
        assertThat(x.grad()).containsOnly(1f / 20);
    }

    @Test void badAxesAreNamed() {
        assertThatThrownBy(() -> Sum.apply(X23, false, 2)).hasMessage("sum: axis 2 out of range for shape [2, 3]");
        assertThatThrownBy(() -> Mean.apply(X23, false, 1, -1)).hasMessage("mean: axis -1 given twice in [1, -1] for shape [2, 3]");
    }
}
