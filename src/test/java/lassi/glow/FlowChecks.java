package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tensor.GradCheck;
import tensor.Grad;
import tensor.Tensor;
import tensor.nn.Module;
import tensor.nn.Parameter;
import tensor.random.Rng;

/** The §3.13 checks shared by the flow-layer tests. */
final class FlowChecks {
    // Float32 forward passes; central differences with ε = 1e-2 keep the O(ε²) truncation error of
    // these smooth maps within rtol (as CoreOpsGradientTest). The rounding noise of a whole flow
    // step's float32 forward is ~1e-6 in ⟨u, y⟩, so ~1e-4 in the difference quotient (measured on
    // an affine LU step: the quotient wanders by 1e-4 as ε goes 2e-2 → 5e-3 while the analytic
    // gradient agrees to 1e-9 between the reference and the blocked FMA loops); atol is 5 × that.
    static final double EPS = 1e-2, ATOL = 5e-4, RTOL = 1e-2;
    private static final Pattern ZERO_INIT = Pattern.compile("(^|\\.)(net\\.4|prior)\\.");
    private static final Pattern HIDDEN_BIAS = Pattern.compile("(^|\\.)net\\.[02]\\.bias$");

    private FlowChecks() {}

    /**
     * Gives the zero-initialised parameters (every ZeroConv2d: coupling net.4, block priors) random
     * N(0, std²) values so that no check is trivially passed by a zero map. Returns the module.
     */
    static <M extends Module> M perturbZeroInit(M module, Rng rng, float std) {
        for (Parameter p : module.namedParameters())
            if (ZERO_INIT.matcher(p.name()).find()) addNoise(p.value(), rng, std);
        return module;
    }

    /**
     * Sets the coupling nets' hidden biases (net.0, net.2) to +2, −2, +2, … per channel. With the
     * N(0, 0.05²) weights every ReLU pre-activation then stays more than 1 away from the kink, so
     * central differences never straddle it, and both the active and the dead branch are exercised
     * (the kink itself is tested with the Relu op).
     */
    static <M extends Module> M awayFromReluKinks(M module) {
        for (Parameter p : module.namedParameters())
            if (HIDDEN_BIAS.matcher(p.name()).find())
                for (int i = 0; i < p.value().size(); i++) p.value().data()[i] = i % 2 == 0 ? 2f : -2f;
        return module;
    }

    static void addNoise(Tensor t, Rng rng, float std) {
        for (int i = 0; i < t.size(); i++) t.data()[i] += std * (float) rng.nextGaussian();
    }

    /** The layer's logdet (one sample) equals log|det J| of the brute-force Jacobian. */
    static void assertLogdetIsLogAbsDetJacobian(FlowLayer layer, Tensor x, double tolerance) {
        double logdet;
        try (var scope = Grad.disabled()) {
            logdet = layer.forward(x).logdet().data()[0];
        }
        assertThat(logdet).as("logdet vs brute-force log|det J|")
                .isCloseTo(BruteForceJacobian.logAbsDet(in -> layer.forward(in).y(), x, EPS), within(tolerance));
    }

    /** reverse(forward(x)) = x within atol. */
    static void assertInverts(FlowLayer layer, Tensor x, double atol) {
        try (var scope = Grad.disabled()) {
            assertClose("reverse(forward(x))", layer.reverse(layer.forward(x).y()), x, atol);
        }
    }

    /** Gradient checks of y and of logdet w.r.t. x and every parameter of the module, element by element. */
    static void assertGradients(FlowLayer layer, Module module, Tensor x, Rng rng, boolean constantLogdet) {
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(x);
        inputs.addAll(module.parameters());
        GradCheck.assertElementwise(in -> layer.forward(in.get(0)).y(), inputs, rng, EPS, ATOL, RTOL);
        if (!constantLogdet) GradCheck.assertElementwise(in -> layer.forward(in.get(0)).logdet(), inputs, rng, EPS, ATOL, RTOL);
    }

    static void assertClose(String what, Tensor actual, Tensor expected, double atol) {
        actual.shape().requireEqual(expected.shape(), what);
        for (int i = 0; i < actual.size(); i++) {
            float a = actual.data()[i], e = expected.data()[i];
            if (!(Math.abs(a - e) <= atol))
                throw new AssertionError(String.format("%s %s at index %d: expected %.8g, got %.8g (|diff| %.3g > atol %.1g)",
                        what, actual.shape(), i, e, a, Math.abs(a - e), atol));
        }
    }
}
