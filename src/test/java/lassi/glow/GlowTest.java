package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tensor.GradCheck;
import tensor.Grad;
import tensor.Tensor;
import tensor.ops.Chunk;
import tensor.ops.Sum;
import tensor.random.Rng;

class GlowTest {
    /** A tiny Glow on 4×4 images (d = 48), ActNorm initialised, zero-init weights perturbed. */
    private static Glow tinyGlow(boolean affine, boolean lu, long seed) {
        Rng rng = new Rng(seed);
        Glow glow = new Glow(new GlowConfig(4, 2, 2, 8, affine, lu), rng);
        FlowChecks.awayFromReluKinks(FlowChecks.perturbZeroInit(glow, rng, 0.1f));
        try (var scope = Grad.disabled()) {
            glow.forward(Tensor.uniform(rng, -0.5f, 0.5f, 4, 3, 4, 4));
        }
        return glow;
    }

    @Test void forwardGivesTheZShapesAndLogdetShapes() {
        for (boolean affine : new boolean[] {false, true}) {
            Glow glow = new Glow(new GlowConfig(8, 2, 2, 16, affine, true), new Rng(1));
            Glow.Output out;
            try (var scope = Grad.disabled()) {
                out = glow.forward(Tensor.uniform(new Rng(2), -0.5f, 0.5f, 5, 3, 8, 8));
            }
            assertThat(out.logP().shape().dims()).containsExactly(5);
            assertThat(out.logdet().shape().dims()).containsExactly(affine ? new int[] {5} : new int[0]);
            assertThat(out.zs()).hasSize(2);
            assertThat(out.zs().get(0).shape().dims()).containsExactly(5, 6, 4, 4);
            assertThat(out.zs().get(1).shape().dims()).containsExactly(5, 24, 2, 2);
        }
    }

    @Test void reverseReconstructsTheInput() {
        for (boolean affine : new boolean[] {false, true}) {
            Glow glow = tinyGlow(affine, true, 3);
            Tensor x = Tensor.uniform(new Rng(4), -0.5f, 0.5f, 3, 3, 4, 4);
            try (var scope = Grad.disabled()) {
                FlowChecks.assertClose("reverse(forward(x))", glow.reverse(glow.forward(x).zs(), true), x, 1e-4);
            }
        }
    }

    @Test void aSampleIsReconstructedFromItsLatents() {           // exact sampling semantics: golden test
        Glow glow = tinyGlow(true, true, 5);
        try (var scope = Grad.disabled()) {
            List<Tensor> eps = glow.sampleNoise(2, 0.7, new Rng(6));
            Tensor x = glow.reverse(eps, false);
            assertThat(x.shape().dims()).containsExactly(2, 3, 4, 4);
            FlowChecks.assertClose("reconstruct(forward(sample))", glow.reverse(glow.forward(x).zs(), true), x, 1e-4);
        }
    }

    @Test void latentsAreTheForwardLatentsWithoutThePriors() {
        Glow glow = tinyGlow(false, true, 15);
        Tensor x = Tensor.uniform(new Rng(16), -0.5f, 0.5f, 3, 3, 4, 4);
        try (var scope = Grad.disabled()) {
            List<Tensor> zs = glow.latents(x), expected = glow.forward(x).zs();
            assertThat(zs).hasSameSizeAs(expected);
            for (int b = 0; b < zs.size(); b++) {
                assertThat(zs.get(b).shape()).isEqualTo(expected.get(b).shape());
                assertThat(zs.get(b).data()).as("z_%d", b).containsExactly(expected.get(b).data());
            }
        }
    }

    @Test void latentsRefuseAModelWhoseActNormsWereNeverInitialised() {
        Glow glow = new Glow(new GlowConfig(4, 2, 2, 8, false, true), new Rng(17));
        assertThat(glow.actNormsInitialized()).isFalse();
        assertThatThrownBy(() -> glow.latents(Tensor.zeros(2, 3, 4, 4))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ActNorm layers are not initialised");
        assertThat(glow.actNormsInitialized()).as("latents must not initialise them").isFalse();
        assertThat(tinyGlow(false, true, 18).actNormsInitialized()).isTrue();
    }

    @Test void logdetIsLogAbsDetOfTheWholeModelsJacobian() {
        for (boolean affine : new boolean[] {false, true}) {
            Glow glow = tinyGlow(affine, true, 7);
            Tensor x = Tensor.uniform(new Rng(8), -0.5f, 0.5f, 1, 3, 4, 4);
            double logdet;
            try (var scope = Grad.disabled()) {
                logdet = glow.forward(x).logdet().data()[0];
            }
            double brute = BruteForceJacobian.logAbsDet(in -> Latents.wrap(glow.forward(in).zs()), x, FlowChecks.EPS);
            assertThat(logdet).as("affine " + affine).isCloseTo(brute, within(5e-3));
        }
    }

    /**
     * The loss here is ~40 bits/dim from log p ~ −1000 summed in float32, so the forward's rounding
     * noise is ~1e-4 in log p, ~4e-6 in the loss, and its central difference quotient moves in
     * steps of ~2.4e-4 at ε = 1e-2 (measured: the quotient for one direction takes the values
     * 0.03310 and 0.03334 when only the rounding order of the forward pass changes, ZeroConv2d's
     * border term summed apart, while the analytic 0.034026 stays to 1e-7). ε = 2e-2 halves that
     * noise, so atol is again ~4× it as FlowChecks reasons for a single step; the O(ε²) truncation
     * stays below 1% of the gradient (largest |diff|/tol measured: 0.32).
     */
    @Test void gradientsOfTheBitsPerDimLossMatchFiniteDifferences() {
        Glow glow = tinyGlow(true, true, 9);
        Rng rng = new Rng(10);
        List<Tensor> inputs = new ArrayList<>(List.of(Tensor.uniform(rng, -0.5f, 0.5f, 2, 3, 4, 4)));
        inputs.addAll(glow.parameters());
        GradCheck.assertDirectional(in -> {
            Glow.Output out = glow.forward(in.get(0));
            return BitsPerDim.loss(out.logP(), out.logdet(), 48);
        }, inputs, rng, 2, 2 * FlowChecks.EPS, FlowChecks.ATOL, FlowChecks.RTOL);
    }

    @Test void bitsPerDimOracleThroughTheZeroInitialisedPrior() {   // §11: z = 0, logdet = 0, D = 12 → 6.325748
        Tensor z = Tensor.zeros(1, 12, 1, 1);
        Tensor[] meanLogSd = Chunk.apply(new ZeroConv2d(12, 24).forward(Tensor.zeros(1, 12, 1, 1)), 2, 1);
        Tensor logP = Sum.apply(GlowBlock.logNormal(z, meanLogSd[0], meanLogSd[1]), false, 1, 2, 3);
        assertThat(BitsPerDim.loss(logP, Tensor.scalar(0f), 12).item()).isCloseTo(6.325748f, within(2e-6f));
    }

    @Test void parameterCountsMatchSection3_11() {
        int c = 12, f = 16;
        FlowStep step = new FlowStep(c, f, false, true, new Rng(13));
        int coupling = (c / 2 * 9 * f + f) + (f * f + f) + (f * 9 * c / 2 + c / 2) + c / 2;
        assertThat(count(step)).isEqualTo(2 * c + (2 * c * c + c) + coupling);
        // T8: two blocks of two steps on 12 and 24 channels, priors ZeroConv2d(6 → 12) and (24 → 48)
        int block0 = 2 * count(new FlowStep(12, 16, false, true, new Rng(0))) + (12 * 6 * 9 + 12 + 12);
        int block1 = 2 * count(new FlowStep(24, 16, false, true, new Rng(0))) + (48 * 24 * 9 + 48 + 48);
        assertThat(count(new Glow(GlowProfile.T8.config, new Rng(14)))).isEqualTo(block0 + block1);
    }

    private static int count(tensor.nn.Module m) {
        return m.parameters().stream().mapToInt(Tensor::size).sum();
    }

    @Test void stateNamesFollowTheReference() {
        Glow glow = new Glow(GlowProfile.T8.config, new Rng(12));
        assertThat(glow.stateDict().keySet()).contains("blocks.0.flows.0.actnorm.loc", "blocks.0.flows.1.actnorm.initialized",
                "blocks.0.flows.0.invconv.w_p", "blocks.1.flows.1.invconv.l_eye", "blocks.0.flows.0.coupling.net.4.conv.weight",
                "blocks.0.prior.conv.bias", "blocks.1.prior.scale");
        assertThat(glow.stateDict().get("blocks.1.prior.conv.weight").shape().dims()).containsExactly(48, 24, 3, 3);
        assertThat(glow.stateDict().get("blocks.0.prior.conv.weight").shape().dims()).containsExactly(12, 6, 3, 3);
    }
}
