package tensor.ops;

import java.util.List;
import org.junit.jupiter.api.Test;
import tensor.GradCheck;
import tensor.Tensor;
import tensor.random.Rng;

import static org.assertj.core.api.Assertions.assertThat;

class CoreOpsGradientTest {
    // Float32 forward passes round each output to ~1e-7 relative; divided by the step 2ε = 2e-2 that
    // noise stays near 1e-5, while the O(ε²) truncation error of these smooth ops is within rtol.
    private static final double EPS = 1e-2, ATOL = 1e-4, RTOL = 1e-2;

    @Test void addBroadcastsAndSumsGradientsBack() {
        var rng = new Rng(1);
        GradCheck.assertElementwise(in -> Add.apply(in.get(0), in.get(1)),
                List.of(Tensor.randn(rng, 2, 3, 4), Tensor.randn(rng, 3, 1)), rng, EPS, ATOL, RTOL);
    }

    @Test void mulBroadcastsBothWays() {
        var rng = new Rng(2);
        GradCheck.assertElementwise(in -> Mul.apply(in.get(0), in.get(1)),
                List.of(Tensor.randn(rng, 4, 1), Tensor.randn(rng, 1, 5)), rng, EPS, ATOL, RTOL);
    }

    @Test void expGradient() {
        var rng = new Rng(3);
        GradCheck.assertElementwise(in -> Exp.apply(in.get(0)), List.of(Tensor.randn(rng, 3, 5)), rng, EPS, ATOL, RTOL);
    }

    @Test void matmulGradient() {
        var rng = new Rng(4);
        GradCheck.assertElementwise(in -> MatMul.apply(in.get(0), in.get(1)),
                List.of(Tensor.randn(rng, 3, 5), Tensor.randn(rng, 5, 2)), rng, EPS, ATOL, RTOL);
    }

    @Test void sharedInputAccumulatesGradients() {
        Tensor x = Tensor.of(new float[] {2f}, 1).requiresGrad(true);
        Mul.apply(x, x).backward(new float[] {1f});                   // d(x²)/dx = 2x = 4
        assertThat(x.grad()[0]).isEqualTo(4f);
    }
}
