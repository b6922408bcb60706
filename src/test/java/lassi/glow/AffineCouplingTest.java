package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tensor.Grad;
import tensor.Tensor;
import tensor.random.Rng;

class AffineCouplingTest {
    private static AffineCoupling coupling(boolean affine, Rng rng) {
        return FlowChecks.awayFromReluKinks(FlowChecks.perturbZeroInit(new AffineCoupling(4, 8, affine, rng), rng, 0.3f));
    }

    @Test void additiveCouplingInvertsHasZeroLogdetAndCorrectGradients() {
        Rng rng = new Rng(1);
        AffineCoupling c = coupling(false, rng);
        Tensor x = Tensor.randn(rng, 1, 4, 2, 2);
        FlowChecks.assertInverts(c, x, 1e-5);
        FlowChecks.assertLogdetIsLogAbsDetJacobian(c, x, 1e-3);
        try (var scope = Grad.disabled()) {
            assertThat(c.forward(x).logdet().item()).isZero();
        }
        FlowChecks.assertGradients(c, c, x, rng, true);
    }

    @Test void affineCouplingInvertsHasTheJacobianLogdetAndCorrectGradients() {
        Rng rng = new Rng(2);
        AffineCoupling c = coupling(true, rng);
        Tensor x = Tensor.randn(rng, 1, 4, 2, 2);
        FlowChecks.assertInverts(c, x, 1e-5);
        FlowChecks.assertLogdetIsLogAbsDetJacobian(c, x, 1e-3);
        FlowChecks.assertGradients(c, c, x, rng, false);
    }

    @Test void affineLogdetIsPerSampleAndFirstHalfPassesUnchanged() {
        Rng rng = new Rng(3);
        AffineCoupling c = coupling(true, rng);
        Tensor x = Tensor.randn(rng, 3, 4, 2, 2);
        try (var scope = Grad.disabled()) {
            FlowLayer.FlowOutput out = c.forward(x);
            assertThat(out.logdet().shape().dims()).containsExactly(3);
            assertThat(out.logdet().data()[0]).isNotEqualTo(out.logdet().data()[1]);
            for (int n = 0; n < 3; n++)
                for (int i = 0; i < 8; i++) assertThat(out.y().data()[n * 16 + i]).isEqualTo(x.data()[n * 16 + i]);
        }
    }

    @Test void stateHasTheReferenceNames() {
        assertThat(new AffineCoupling(4, 8, true, new Rng(4)).stateDict().keySet()).containsExactlyInAnyOrder(
                "net.0.weight", "net.0.bias", "net.2.weight", "net.2.bias", "net.4.conv.weight", "net.4.conv.bias", "net.4.scale");
    }
}
