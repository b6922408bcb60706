package lassi.glow;

import org.junit.jupiter.api.Test;
import tensor.Grad;
import tensor.Tensor;
import tensor.random.Rng;

class FlowStepTest {
    private static void check(boolean affine, boolean lu, long seed) {
        Rng rng = new Rng(seed);
        FlowStep step = FlowChecks.awayFromReluKinks(FlowChecks.perturbZeroInit(new FlowStep(4, 8, affine, lu, rng), rng, 0.3f));
        try (var scope = Grad.disabled()) {
            step.forward(Tensor.randn(rng, 3, 4, 2, 2));             // ActNorm init
        }
        Tensor x = Tensor.randn(rng, 1, 4, 2, 2);
        FlowChecks.assertInverts(step, x, 1e-4);
        FlowChecks.assertLogdetIsLogAbsDetJacobian(step, x, 2e-3);
        FlowChecks.assertGradients(step, step, x, rng, false);
    }

    @Test void additiveLuStep() { check(false, true, 1); }

    @Test void affineLuStep() { check(true, true, 2); }

    @Test void additiveFreeWeightStep() { check(false, false, 3); }
}
