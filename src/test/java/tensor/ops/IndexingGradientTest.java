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

/** RepeatInterleave and IndexSelect. */
class IndexingGradientTest {
    private static final Tensor X23 = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);

    @Test void repeatInterleaveValues() {
        Tensor y = RepeatInterleave.apply(X23, 2, 0);
        assertThat(y.shape()).isEqualTo(Shape.of(4, 3));
        assertThat(y.data()).containsExactly(1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6);
        assertThat(RepeatInterleave.apply(X23, 2, -1).data()).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6);
    }

    @Test void repeatInterleaveGradientSumsTheCopies() {
        var rng = new Rng(61);
        GradCheck.assertElementwise(in -> RepeatInterleave.apply(in.get(0), 3, 1), List.of(Tensor.randn(rng, 2, 2, 3)), rng, EPS, ATOL, RTOL);
        GradCheck.assertElementwise(in -> RepeatInterleave.apply(in.get(0), 1, 0), List.of(Tensor.randn(rng, 1, 3)), rng, EPS, ATOL, RTOL);
    }

    @Test void indexSelectValuesAndRepeatedIndices() {
        Tensor y = IndexSelect.apply(X23, 1, new int[] {2, 0, 2});
        assertThat(y.shape()).isEqualTo(Shape.of(2, 3));
        assertThat(y.data()).containsExactly(3, 1, 3, 6, 4, 6);
        var rng = new Rng(62);
        GradCheck.assertElementwise(in -> IndexSelect.apply(in.get(0), 0, new int[] {1, 1, 0}), List.of(Tensor.randn(rng, 3, 2, 1)), rng, EPS, ATOL, RTOL);
        GradCheck.assertElementwise(in -> IndexSelect.apply(in.get(0), -1, new int[] {3, 0}), List.of(Tensor.randn(rng, 2, 5)), rng, EPS, ATOL, RTOL);
        assertThatThrownBy(() -> IndexSelect.apply(X23, 0, new int[] {0, 2}))
                .hasMessage("index_select: index 2 at position 1 out of range for axis 0 of shape [2, 3]");
    }
}
