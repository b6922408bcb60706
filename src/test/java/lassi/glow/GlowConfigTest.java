package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlowConfigTest {
    private static List<List<Integer>> shapes(GlowConfig c) {
        return c.zShapes().stream().map(s -> List.of(s[0], s[1], s[2])).toList();
    }

    private static int total(GlowConfig c) {
        return c.zShapes().stream().mapToInt(s -> s[0] * s[1] * s[2]).sum();
    }

    @Test void zShapesMatchTheReleasedModelsTable() {           // §3.8
        GlowConfig celeba64 = GlowProfile.PAPER_L4.config;
        assertThat(shapes(celeba64)).containsExactly(List.of(6, 32, 32), List.of(12, 16, 16), List.of(24, 8, 8), List.of(96, 4, 4));
        assertThat(celeba64.d()).isEqualTo(12288);
        GlowConfig celeba128 = new GlowConfig(128, 5, 32, 512, false, true);
        assertThat(shapes(celeba128)).containsExactly(List.of(6, 64, 64), List.of(12, 32, 32), List.of(24, 16, 16),
                List.of(48, 8, 8), List.of(192, 4, 4));
        assertThat(celeba128.d()).isEqualTo(49152);
        GlowConfig shapes3d = GlowProfile.PAPER_L3.config;
        assertThat(shapes(shapes3d)).containsExactly(List.of(6, 32, 32), List.of(12, 16, 16), List.of(48, 8, 8));
        for (GlowConfig c : List.of(celeba64, celeba128, shapes3d)) assertThat(total(c)).isEqualTo(c.d());
    }

    @Test void profilesMatchSection10() {                        // §10.3
        assertThat(shapes(GlowProfile.T8.config)).containsExactly(List.of(6, 4, 4), List.of(24, 2, 2));
        assertThat(GlowProfile.T8.config.d()).isEqualTo(192);
        assertThat(shapes(GlowProfile.S16.config)).containsExactly(List.of(6, 8, 8), List.of(12, 4, 4), List.of(48, 2, 2));
        assertThat(GlowProfile.S16.config.d()).isEqualTo(768);
        assertThat(shapes(GlowProfile.M32.config)).containsExactly(List.of(6, 16, 16), List.of(12, 8, 8), List.of(48, 4, 4));
        assertThat(GlowProfile.M32.config.d()).isEqualTo(3072);
        for (GlowProfile p : GlowProfile.values()) {
            assertThat(total(p.config)).isEqualTo(p.config.d());
            assertThat(p.config.affine()).isFalse();
            assertThat(p.config.lu()).isTrue();
        }
        assertThat(GlowProfile.T8.config.nFlow()).isEqualTo(2);
        assertThat(GlowProfile.S16.config.width()).isEqualTo(64);
        assertThat(GlowProfile.M32.learningRate).isEqualTo(2e-4);
    }

    @Test void paperProfilesAreTheReleasedSizesWithTheGlowPytorchRecipe() {   // §3.8, §3.12
        for (GlowProfile p : List.of(GlowProfile.PAPER_L3, GlowProfile.PAPER_L4)) {
            assertThat(p.config.side()).isEqualTo(64);
            assertThat(p.config.nFlow()).isEqualTo(32);
            assertThat(p.config.width()).isEqualTo(512);
            assertThat(p.batchSize).isEqualTo(16);
            assertThat(p.learningRate).isEqualTo(1e-4);
        }
        assertThat(GlowProfile.PAPER_L3.config.nBlock()).isEqualTo(3);
        assertThat(GlowProfile.PAPER_L4.config.nBlock()).isEqualTo(4);
    }

    @Test void rejectsASideNotDivisibleByTwoToTheL() {
        assertThatThrownBy(() -> new GlowConfig(12, 3, 2, 8, false, true))
                .hasMessageContaining("S = 12").hasMessageContaining("2^L = 8");
    }
}
