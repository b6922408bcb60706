package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tensor.Tensor;
import tensor.random.Rng;

class LatentsTest {
    private static List<Tensor> randomLatents(GlowConfig config, int n, Rng rng) {
        List<Tensor> zs = new ArrayList<>();
        for (int[] s : config.zShapes()) zs.add(Tensor.randn(rng, n, s[0], s[1], s[2]));
        return zs;
    }

    @Test void wrapFlattensEachLevelPerSampleFinestLevelFirst() {
        GlowConfig t8 = GlowProfile.T8.config;                     // (6,4,4) (24,2,2), d = 192
        List<Tensor> zs = randomLatents(t8, 2, new Rng(1));
        Tensor z = Latents.wrap(zs);
        assertThat(z.shape().dims()).containsExactly(2, 192);
        assertThat(z.data()[0]).isEqualTo(zs.get(0).data()[0]);
        assertThat(z.data()[95]).isEqualTo(zs.get(0).data()[95]);
        assertThat(z.data()[96]).isEqualTo(zs.get(1).data()[0]);
        assertThat(z.data()[192]).as("sample 1 starts with its level-0 latent").isEqualTo(zs.get(0).data()[96]);
        assertThat(z.data()[192 + 96]).isEqualTo(zs.get(1).data()[96]);
    }

    @Test void unwrapInvertsWrap() {
        for (GlowProfile p : GlowProfile.values()) {
            List<Tensor> zs = randomLatents(p.config, 3, new Rng(p.ordinal()));
            List<Tensor> back = Latents.unwrap(Latents.wrap(zs), p.config.zShapes());
            assertThat(back).hasSameSizeAs(zs);
            for (int b = 0; b < zs.size(); b++) {
                assertThat(back.get(b).shape()).isEqualTo(zs.get(b).shape());
                assertThat(back.get(b).data()).containsExactly(zs.get(b).data());
            }
        }
    }

    @Test void unwrapNamesTheExpectedDimension() {
        assertThatThrownBy(() -> Latents.unwrap(Tensor.zeros(2, 100), GlowProfile.T8.config.zShapes()))
                .hasMessageContaining("d = 192").hasMessageContaining("[2, 100]");
    }
}
