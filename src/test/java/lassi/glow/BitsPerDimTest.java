package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BitsPerDimTest {
    @Test void matchesTheSection11Oracle() {
        int d = 12;
        double logP = d * (-0.5 * Math.log(2 * Math.PI));        // z = 0 under N(0, 1): μ = 0, logSd = 0
        assertThat(BitsPerDim.of(logP, 0, d)).isCloseTo(6.325748, within(5e-7));
    }

    @Test void aFlowThatDoublesTheDensityRemovesOneBitOverD() {
        assertThat(BitsPerDim.of(-10, Math.log(2), 4) - BitsPerDim.of(-10, 0, 4)).isCloseTo(-0.25, within(1e-12));
    }
}
