package tensor;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tensor.ops.Mul;
import tensor.ops.Sum;
import tensor.random.Rng;

import static org.assertj.core.api.Assertions.assertThat;

class BuffersTest {
    private static final int LARGE = 2 * Buffers.MIN_LENGTH;   // [2, MIN_LENGTH]: large enough to be kept

    @Test void aGivenBackArrayIsReusedAndZeroed() {
        float[] dirty = new float[LARGE];
        Arrays.fill(dirty, 7f);
        Buffers.giveBack(dirty);
        float[] reused = Buffers.zeroed(LARGE);
        assertThat(reused).isSameAs(dirty);
        for (float v : reused) assertThat(v).isZero();
    }

    @Test void smallArraysAreLeftToTheHeap() {
        float[] small = new float[Buffers.MIN_LENGTH - 1];
        Buffers.giveBack(small);
        assertThat(Buffers.uninitialized(small.length)).isNotSameAs(small);
    }

    @Test void backwardKeepsGradientsOfLeavesAndTheRootOnly() {
        Tensor x = Tensor.randn(new Rng(1), 2, Buffers.MIN_LENGTH).requiresGrad(true);
        Tensor h = Mul.apply(x, x);
        Tensor loss = Sum.apply(Mul.apply(h, h), false, 0, 1);
        loss.backward();
        assertThat(h.hasGrad()).isFalse();
        assertThat(loss.hasGrad()).isTrue();
        assertThat(x.hasGrad()).isTrue();
    }

    /** Reused buffers full of NaN from an earlier use must not leak into any gradient. */
    @Test void reusedBuffersNeverLeakIntoGradients() {
        Tensor x = Tensor.randn(new Rng(2), 2, Buffers.MIN_LENGTH).requiresGrad(true);
        float[] first = fourthPowerGradient(x);
        for (int i = 0; i < 8; i++) {
            float[] poisoned = new float[x.size()];
            Arrays.fill(poisoned, Float.NaN);
            Buffers.giveBack(poisoned);
        }
        x.zeroGrad();
        float[] second = fourthPowerGradient(x);
        assertThat(second).containsExactly(first);
        for (int i = 0; i < first.length; i++) {
            float v = x.data()[i];
            assertThat(first[i]).isEqualTo(4 * (v * v) * v);   // d(x⁴)/dx: 2h·x + 2h·x with h = x·x, exact in float
        }
    }

    private static float[] fourthPowerGradient(Tensor x) {
        Tensor h = Mul.apply(x, x);
        Sum.apply(Mul.apply(h, h), false, 0, 1).backward();
        return x.grad().clone();
    }
}
