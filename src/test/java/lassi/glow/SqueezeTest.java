package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tensor.GradCheck;
import tensor.Tensor;
import tensor.random.Rng;

class SqueezeTest {
    @Test void followsTheIndexMapOfSection3_1() {
        int n = 2, c = 3, h = 4, w = 6;
        Tensor x = Tensor.randn(new Rng(1), n, c, h, w);
        Tensor y = Squeeze.squeeze(x);
        assertThat(y.shape().dims()).containsExactly(n, 4 * c, h / 2, w / 2);
        for (int b = 0; b < n; b++)
            for (int ch = 0; ch < c; ch++)
                for (int dy = 0; dy < 2; dy++)
                    for (int dx = 0; dx < 2; dx++)
                        for (int i = 0; i < h / 2; i++)
                            for (int j = 0; j < w / 2; j++) {
                                float out = y.data()[((b * 4 * c + 4 * ch + 2 * dy + dx) * (h / 2) + i) * (w / 2) + j];
                                float in = x.data()[((b * c + ch) * h + 2 * i + dy) * w + 2 * j + dx];
                                assertThat(out).isEqualTo(in);
                            }
    }

    @Test void unsqueezeIsTheExactInverse() {
        Tensor x = Tensor.randn(new Rng(2), 2, 3, 4, 4);
        assertThat(Squeeze.unsqueeze(Squeeze.squeeze(x)).data()).containsExactly(x.data());
        Tensor z = Tensor.randn(new Rng(3), 1, 8, 2, 3);
        assertThat(Squeeze.squeeze(Squeeze.unsqueeze(z)).data()).containsExactly(z.data());
    }

    @Test void gradientsFlowThroughBothDirections() {
        Rng rng = new Rng(4);
        GradCheck.assertElementwise(in -> Squeeze.unsqueeze(Squeeze.squeeze(in.get(0))), List.of(Tensor.randn(rng, 1, 2, 2, 4)),
                rng, FlowChecks.EPS, FlowChecks.ATOL, FlowChecks.RTOL);
    }
}
