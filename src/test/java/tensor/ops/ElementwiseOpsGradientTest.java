package tensor.ops;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tensor.GradCheck;
import tensor.Tensor;
import tensor.random.Rng;

import static org.assertj.core.api.Assertions.assertThat;
import static tensor.ops.Inputs.ATOL;
import static tensor.ops.Inputs.EPS;
import static tensor.ops.Inputs.RTOL;

class ElementwiseOpsGradientTest {

    private static void check(UnaryOperator<Tensor> op, Tensor x, Rng rng) {
        GradCheck.assertElementwise(in -> op.apply(in.get(0)), List.of(x), rng, EPS, ATOL, RTOL);
    }

    /** The gradient of sum(op(x)) at each x, i.e. op'(x) with the subgradient the op chose. */
    private static float[] derivativeAt(UnaryOperator<Tensor> op, float... xs) {
        Tensor x = Tensor.of(xs.clone(), xs.length).requiresGrad(true);
        Sum.apply(op.apply(x), false).backward();
        return x.grad();
    }

    @Test void subBroadcastsBothWays() {
        var rng = new Rng(11);
        GradCheck.assertElementwise(in -> Sub.apply(in.get(0), in.get(1)),
                List.of(Tensor.randn(rng, 4, 1, 3), Tensor.randn(rng, 5, 1)), rng, EPS, ATOL, RTOL);
        GradCheck.assertElementwise(in -> Sub.apply(in.get(0), in.get(1)),
                List.of(Tensor.randn(rng, 1), Tensor.randn(rng, 2, 3)), rng, EPS, ATOL, RTOL);
    }

    @Test void divBroadcastsBothWays() {
        var rng = new Rng(12);
        // denominators in [0.5, 2): 1/b stays smooth over a step of ε
        GradCheck.assertElementwise(in -> Div.apply(in.get(0), in.get(1)),
                List.of(Tensor.randn(rng, 3, 1, 2), Inputs.uniform(rng, 0.5f, 2f, 4, 1)), rng, EPS, ATOL, RTOL);
        GradCheck.assertElementwise(in -> Div.apply(in.get(0), in.get(1)),
                List.of(Tensor.randn(rng, 1), Inputs.uniform(rng, -2f, -0.5f, 3, 5)), rng, EPS, ATOL, RTOL);
    }

    @Test void divValues() {
        Tensor y = Div.apply(Tensor.of(new float[] {1f, 6f}, 2), Tensor.of(new float[] {4f}, 1));
        assertThat(y.data()).containsExactly(0.25f, 1.5f);
    }

    @Test void smoothUnaryGradients() {
        var rng = new Rng(13);
        check(Neg::apply, Tensor.randn(rng, 2, 3), rng);
        check(Sigmoid::apply, Tensor.randn(rng, 3, 1, 2), rng);
        check(LogSigmoid::apply, Tensor.randn(rng, 7), rng);
        check(x -> Scale.apply(x, -2.5f), Tensor.randn(rng, 1, 5), rng);
        check(x -> AddScalar.apply(x, 3f), Tensor.randn(rng, 4), rng);
        check(Log::apply, Inputs.uniform(rng, 0.5f, 3f, 2, 3), rng);
        check(Sqrt::apply, Inputs.uniform(rng, 0.5f, 3f, 5), rng);
        check(x -> Pow.apply(x, 2.5f), Inputs.uniform(rng, 0.5f, 2f, 3, 2), rng);
        check(x -> Pow.apply(x, 3f), Tensor.randn(rng, 6), rng);   // integer power: fine for negative x too
    }

    @Test void kinkedUnaryGradientsAwayFromKinks() {
        var rng = new Rng(14);
        check(Relu::apply, Inputs.awayFromZero(rng, 3, 4), rng);
        check(Abs::apply, Inputs.awayFromZero(rng, 2, 5), rng);
        Tensor x = Inputs.awayFromZero(rng, 9);
        for (int i = 0; i < x.size(); i++) x.data()[i] += 0.5f;         // kink of ClampMin(·, 0.5) now at 0
        check(t -> ClampMin.apply(t, 0.5f), x, rng);
    }

    @Test void subgradientsAtTheKinksAreZero() {
        assertThat(derivativeAt(Relu::apply, -1f, 0f, 2f)).containsExactly(0f, 0f, 1f);
        assertThat(derivativeAt(x -> ClampMin.apply(x, 0.5f), 0.25f, 0.5f, 0.75f)).containsExactly(0f, 0f, 1f);
        assertThat(derivativeAt(Abs::apply, -3f, 0f, 3f)).containsExactly(-1f, 0f, 1f);
    }

    @Test void logSigmoidIsFiniteForLargeInputs() {
        Tensor x = Tensor.of(new float[] {-200f, 200f}, 2).requiresGrad(true);
        Tensor y = LogSigmoid.apply(x);
        assertThat(y.data()).containsExactly(-200f, 0f);
        Sum.apply(y, false).backward();
        assertThat(x.grad()).containsExactly(1f, 0f);
    }
}
