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

class ConvLinearGradientTest {

    @Test void conv2dGradientWithBiasStrideAndPadding() {
        var rng = new Rng(41);
        GradCheck.assertElementwise(in -> Conv2d.apply(in.get(0), in.get(1), in.get(2), 2, 1),
                List.of(Tensor.randn(rng, 2, 3, 5, 4), Tensor.randn(rng, 2, 3, 3, 3), Tensor.randn(rng, 2)),
                rng, EPS, ATOL, RTOL);
    }

    @Test void conv2dGradientWithoutBias() {
        var rng = new Rng(42);
        GradCheck.assertElementwise(in -> Conv2d.apply(in.get(0), in.get(1), null, 1, 0),
                List.of(Tensor.randn(rng, 1, 2, 3, 3), Tensor.randn(rng, 3, 2, 1, 2)), rng, EPS, ATOL, RTOL);
    }

    @Test void conv2dBiasGradientWhenWeightIsFrozen() {
        var rng = new Rng(43);
        Tensor w = Tensor.randn(rng, 2, 1, 3, 3);                    // not requiring a gradient
        GradCheck.assertElementwise(in -> Conv2d.apply(in.get(0), w, in.get(1), 1, 1),
                List.of(Tensor.randn(rng, 2, 1, 3, 3), Tensor.randn(rng, 2)), rng, EPS, ATOL, RTOL);
        assertThat(w.hasGrad()).isFalse();
    }

    /**
     * Conv2d.applyRelu is Relu of Conv2d: the same values and the same gradients, bit for bit
     * (the ReLU mask taken from the output equals the one from the input wherever the
     * convolution is not exactly 0, which random inputs never give).
     */
    @Test void conv2dReluEqualsReluOfConv2d() {
        var rng = new Rng(44);
        Tensor x = Tensor.randn(rng, 2, 3, 5, 4), w = Tensor.randn(rng, 4, 3, 3, 3), b = Tensor.randn(rng, 4);
        float[] u = Tensor.randn(rng, 2, 4, 5, 4).data();
        float[][] fused = valuesAndGradients(() -> Conv2d.applyRelu(x, w, b, 1, 1), u, x, w, b);
        float[][] apart = valuesAndGradients(() -> Relu.apply(Conv2d.apply(x, w, b, 1, 1)), u, x, w, b);
        for (int i = 0; i < fused.length; i++) assertThat(fused[i]).as("output and gradients, %d", i).isEqualTo(apart[i]);
    }

    /** Pre-activations are kept ≥ 1 away from the kink (bias ±3, small weights), so ε never straddles it. */
    @Test void conv2dReluGradient() {
        var rng = new Rng(45);
        Tensor w = Tensor.randn(rng, 2, 2, 3, 3);
        for (int i = 0; i < w.size(); i++) w.data()[i] *= 0.1f;
        GradCheck.assertElementwise(in -> Conv2d.applyRelu(in.get(0), in.get(1), in.get(2), 1, 1),
                List.of(Tensor.randn(rng, 2, 2, 4, 4), w, Tensor.of(new float[] {3f, -3f}, 2)), rng, EPS, ATOL, RTOL);
    }

    private static float[][] valuesAndGradients(java.util.function.Supplier<Tensor> f, float[] upstream, Tensor... inputs) {
        for (Tensor t : inputs) {
            t.requiresGrad(true);
            t.zeroGrad();
        }
        Tensor y = f.get();
        y.backward(upstream);
        float[][] out = new float[inputs.length + 1][];
        out[0] = y.data().clone();
        for (int i = 0; i < inputs.length; i++) out[i + 1] = inputs[i].grad().clone();
        return out;
    }

    @Test void conv2dOfAKnownImage() {
        // 3x3 image of 1..9, 2x2 kernel of ones, no padding: sums of each 2x2 window, plus bias 0.5
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor y = Conv2d.apply(x, Tensor.full(Shape.of(1, 1, 2, 2), 1f), Tensor.of(new float[] {0.5f}, 1), 1, 0);
        assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 2, 2));
        assertThat(y.data()).containsExactly(12.5f, 16.5f, 24.5f, 28.5f);
    }

    @Test void conv2dShapeErrorsNameBothShapes() {
        assertThatThrownBy(() -> Conv2d.apply(Tensor.zeros(2, 3, 8, 8), Tensor.zeros(4, 5, 3, 3), null, 1, 1))
                .hasMessage("conv2d: input [2, 3, 8, 8] and weight [4, 5, 3, 3] disagree on channels");
        assertThatThrownBy(() -> Conv2d.apply(Tensor.zeros(2, 3, 8, 8), Tensor.zeros(4, 3, 3, 3), Tensor.zeros(3), 1, 1))
                .hasMessage("conv2d: bias [3] does not match weight [4, 3, 3, 3] (need [4])");
    }

    @Test void linearGradient() {
        var rng = new Rng(44);
        GradCheck.assertElementwise(in -> Linear.apply(in.get(0), in.get(1), in.get(2)),
                List.of(Tensor.randn(rng, 3, 5), Tensor.randn(rng, 4, 5), Tensor.randn(rng, 4)), rng, EPS, ATOL, RTOL);
        GradCheck.assertElementwise(in -> Linear.apply(in.get(0), in.get(1), null),
                List.of(Tensor.randn(rng, 1, 3), Tensor.randn(rng, 1, 3)), rng, EPS, ATOL, RTOL);
    }

    @Test void linearOfAKnownInput() {
        // y = x wᵀ + b with x = [1, 2], w = [[1, 0], [1, 1], [0, -1]], b = [0, 1, 2]
        Tensor y = Linear.apply(Tensor.of(new float[] {1, 2}, 1, 2), Tensor.of(new float[] {1, 0, 1, 1, 0, -1}, 3, 2),
                Tensor.of(new float[] {0, 1, 2}, 3));
        assertThat(y.data()).containsExactly(1f, 4f, 0f);
        assertThatThrownBy(() -> Linear.apply(Tensor.zeros(2, 3), Tensor.zeros(4, 5), null))
                .hasMessage("linear: input [2, 3] and weight [4, 5] do not fit (need [B, I] and [O, I])");
    }
}
