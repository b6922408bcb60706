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

/** Reshape, Permute, Slice, Chunk, Concat, Pad: pure data movement, so gradients are exact scatters. */
class ShapeOpsGradientTest {

    @Test void reshapeInfersOneDimension() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor y = Reshape.apply(x, 3, -1);
        assertThat(y.shape()).isEqualTo(Shape.of(3, 2));
        assertThat(y.data()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(y.data()).isNotSameAs(x.data());
        assertThatThrownBy(() -> Reshape.apply(x, -1, -1)).hasMessage("reshape: -1 used twice in [-1, -1]");
        assertThatThrownBy(() -> Reshape.apply(x, 4, -1)).hasMessage("reshape: cannot view shape [2, 3] (6 elements) as [4, -1]");
    }

    @Test void reshapeGradient() {
        var rng = new Rng(31);
        GradCheck.assertElementwise(in -> Reshape.apply(in.get(0), -1, 1, 2),
                List.of(Tensor.randn(rng, 2, 3, 2)), rng, EPS, ATOL, RTOL);
    }

    @Test void permuteOfAKnownMatrixIsItsTranspose() {
        Tensor y = Permute.apply(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3), 1, 0);
        assertThat(y.shape()).isEqualTo(Shape.of(3, 2));
        assertThat(y.data()).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test void permuteMovesElementsToTheirNewCoordinates() {
        var rng = new Rng(32);
        Tensor x = Tensor.randn(rng, 2, 3, 4, 5);
        Tensor y = Permute.apply(x, 2, 0, -1, 1);                    // y[c, a, d, b] = x[a, b, c, d]
        assertThat(y.shape()).isEqualTo(Shape.of(4, 2, 5, 3));
        for (int a = 0; a < 2; a++) for (int b = 0; b < 3; b++) for (int c = 0; c < 4; c++) for (int d = 0; d < 5; d++)
            assertThat(y.data()[((c * 2 + a) * 5 + d) * 3 + b]).isEqualTo(x.data()[((a * 3 + b) * 4 + c) * 5 + d]);
        assertThatThrownBy(() -> Permute.apply(x, 0, 1, 1, 2)).hasMessage("permute: [0, 1, 1, 2] is not a permutation of the axes of shape [2, 3, 4, 5]");
        assertThatThrownBy(() -> Permute.apply(x, 0, 1, 2)).hasMessageContaining("not a permutation");
    }

    @Test void permuteGradient() {
        var rng = new Rng(33);
        GradCheck.assertElementwise(in -> Permute.apply(in.get(0), 0, 2, 3, 1),
                List.of(Tensor.randn(rng, 2, 3, 1, 2)), rng, EPS, ATOL, RTOL);
    }

    @Test void sliceAndItsGradient() {
        Tensor y = Slice.apply(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3), -1, 1, 3);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 2));
        assertThat(y.data()).containsExactly(2, 3, 5, 6);
        var rng = new Rng(34);
        GradCheck.assertElementwise(in -> Slice.apply(in.get(0), 1, 2, 5),
                List.of(Tensor.randn(rng, 2, 5, 3)), rng, EPS, ATOL, RTOL);
        assertThatThrownBy(() -> Slice.apply(y, 0, 1, 3)).hasMessage("slice: range [1, 3) out of bounds for axis 0 of shape [2, 2]");
    }

    @Test void chunkSplitsEvenlyAndEachPieceSendsItsGradientBack() {
        var rng = new Rng(35);
        Tensor x = Tensor.randn(rng, 2, 6, 1);
        Tensor[] pieces = Chunk.apply(x, 3, 1);
        assertThat(pieces).hasSize(3);
        assertThat(pieces[2].shape()).isEqualTo(Shape.of(2, 2, 1));
        assertThat(pieces[2].data()).containsExactly(x.data()[4], x.data()[5], x.data()[10], x.data()[11]);
        // pieces recombined in another order, so each piece's gradient lands in its own range
        GradCheck.assertElementwise(in -> {
                    Tensor[] c = Chunk.apply(in.get(0), 3, -2);
                    return Concat.apply(1, c[2], c[0]);
                }, List.of(x), rng, EPS, ATOL, RTOL);
        assertThatThrownBy(() -> Chunk.apply(x, 4, 1)).hasMessage("chunk: 4 chunks do not divide axis 1 of length 6 in shape [2, 6, 1]");
    }

    @Test void concatJoinsAlongAnAxis() {
        Tensor a = Tensor.of(new float[] {1, 2}, 2, 1), b = Tensor.of(new float[] {3, 4, 5, 6}, 2, 2);
        Tensor y = Concat.apply(-1, a, b);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 3));
        assertThat(y.data()).containsExactly(1, 3, 4, 2, 5, 6);
        var rng = new Rng(36);
        GradCheck.assertElementwise(in -> Concat.apply(0, in.get(0), in.get(1), in.get(0)),
                List.of(Tensor.randn(rng, 1, 3, 2), Tensor.randn(rng, 3, 3, 2)), rng, EPS, ATOL, RTOL);
        assertThatThrownBy(() -> Concat.apply(0, a, b)).hasMessage("concat: shapes [2, 1] and [2, 2] differ outside axis 0");
    }

    @Test void padWithOneOnATwoByTwoImage() {
        Tensor y = Pad.apply(Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2), 1, 1f);
        assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 4, 4));
        assertThat(y.data()).containsExactly(
                1, 1, 1, 1,
                1, 1, 2, 1,
                1, 3, 4, 1,
                1, 1, 1, 1);
    }

    @Test void padGradientIgnoresTheBorder() {
        var rng = new Rng(37);
        GradCheck.assertElementwise(in -> Pad.apply(in.get(0), 2, -0.5f),
                List.of(Tensor.randn(rng, 2, 3, 1, 3)), rng, EPS, ATOL, RTOL);
        assertThatThrownBy(() -> Pad.apply(Tensor.zeros(2, 3), 1, 0f)).hasMessage("pad: expected [N, C, H, W], got shape [2, 3]");
    }
}
