package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tensor.Grad;
import tensor.Tensor;
import tensor.random.Rng;

/** Both invertible 1×1 convolutions: LU-parametrised (used by every model) and free-weight. */
class InvConv1x1Test {
    @Test void luInitIsOrthogonalWithZeroLogdet() {
        for (int c : new int[] {4, 12, 24}) {
            InvConv1x1Lu conv = new InvConv1x1Lu(c, new Rng(c));
            Tensor w = conv.weight();
            for (int i = 0; i < c; i++)
                for (int j = 0; j < c; j++) {
                    double dot = 0;
                    for (int k = 0; k < c; k++) dot += w.data()[k * c + i] * (double) w.data()[k * c + j];
                    assertThat(dot).as("(WᵀW)[%d, %d]", i, j).isCloseTo(i == j ? 1 : 0, within(1e-5));
                }
            double sumLogS = 0;
            for (float v : conv.stateDict().get("w_s").data()) sumLogS += v;
            assertThat(sumLogS).as("Σ logS").isCloseTo(0, within(1e-5));
        }
    }

    @Test void luStateHasTheReferenceNamesAndShapes() {
        Map<String, Tensor> state = new InvConv1x1Lu(6, new Rng(1)).stateDict();
        assertThat(state.keySet()).containsExactlyInAnyOrder("w_l", "w_s", "w_u", "w_p", "u_mask", "l_mask", "s_sign", "l_eye");
        for (String square : new String[] {"w_l", "w_u", "w_p", "u_mask", "l_mask", "l_eye"})
            assertThat(state.get(square).shape().dims()).as(square).containsExactly(6, 6);
        assertThat(state.get("w_s").shape().dims()).containsExactly(6);
        assertThat(state.get("s_sign").shape().dims()).containsExactly(6);
        assertThat(state.get("u_mask").data()[1]).isEqualTo(1f);
        assertThat(state.get("l_mask").data()[6]).isEqualTo(1f);
        assertThat(new InvConv1x1(6, new Rng(1)).stateDict().get("weight").shape().dims()).containsExactly(6, 6, 1, 1);
    }

    @Test void luLayerInvertsHasTheJacobianLogdetAndCorrectGradients() {
        Rng rng = new Rng(2);
        InvConv1x1Lu conv = new InvConv1x1Lu(4, rng);
        for (String name : new String[] {"w_l", "w_u", "w_s"}) FlowChecks.addNoise(conv.stateDict().get(name), rng, 0.3f);
        Tensor x = Tensor.randn(rng, 1, 4, 2, 2);
        FlowChecks.assertInverts(conv, x, 1e-5);
        FlowChecks.assertLogdetIsLogAbsDetJacobian(conv, x, 1e-3);
        FlowChecks.assertGradients(conv, conv, x, rng, false);
    }

    @Test void freeLayerInvertsHasTheJacobianLogdetAndCorrectGradients() {
        Rng rng = new Rng(3);
        InvConv1x1 conv = new InvConv1x1(4, rng);
        FlowChecks.addNoise(conv.stateDict().get("weight"), rng, 0.3f);
        Tensor x = Tensor.randn(rng, 1, 4, 2, 2);
        FlowChecks.assertInverts(conv, x, 1e-5);
        FlowChecks.assertLogdetIsLogAbsDetJacobian(conv, x, 1e-3);
        FlowChecks.assertGradients(conv, conv, x, rng, false);
    }

    @Test void freeLayerLogdetHandlesANegativeDeterminant() {
        InvConv1x1 conv = new InvConv1x1(2, new Rng(4));
        conv.loadStateDict(Map.of("weight", Tensor.of(new float[] {0f, 3f, 2f, 0f}, 2, 2, 1, 1)));    // det = −6
        try (var scope = Grad.disabled()) {
            assertThat(conv.forward(Tensor.zeros(1, 2, 2, 3)).logdet().item()).isCloseTo((float) (6 * Math.log(6)), within(1e-5f));
        }
    }
}
