package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tensor.Grad;
import tensor.Tensor;
import tensor.io.NpyArray;
import tensor.io.Npz;
import tensor.nn.Parameter;
import tensor.random.Rng;

/**
 * Golden test against PyTorch (scripts/fixtures/glow.py): a tiny Glow (S 8, L 2, K 2, F 8) with
 * the reference's state names, ActNorm initialised on x_init, zero-initialised weights perturbed.
 * The Java model loads the same state and must reproduce the ActNorm init, log_p, logdet, every z,
 * the bits/dim loss, every parameter gradient, the reconstruction and the sample from given noise.
 * Tolerances: both sides compute in float32 with different summation orders. Measured worst
 * deviations: ActNorm loc/scale 5e-7, z / x_rec / sample 1.2e-6, log_p 1.2e-4 on values ~500
 * (2.5e-7 relative), loss 1e-6, gradients 3.6e-6; the tolerances leave about a factor 10.
 */
class GlowGoldenTest {
    private static Map<String, NpyArray> fixture(String variant) throws IOException, URISyntaxException {
        return Npz.read(Path.of(GlowGoldenTest.class.getResource("/fixtures/glow/" + variant + ".npz").toURI()));
    }

    private static Tensor get(Map<String, NpyArray> f, String name) {
        NpyArray a = f.get(name);
        if (a == null) throw new AssertionError("fixture has no array '" + name + "'");
        return a.toTensor();
    }

    private static Glow load(Map<String, NpyArray> f) {
        long[] c = f.get("config").toLongs();
        assertThat(f.get("format_version").toLongs()).containsExactly(1L);
        Glow glow = new Glow(new GlowConfig((int) c[0], (int) c[1], (int) c[2], (int) c[3], c[4] == 1, c[5] == 1), new Rng(0));
        Map<String, Tensor> state = new LinkedHashMap<>();
        f.forEach((name, array) -> { if (name.startsWith("blocks.")) state.put(name, array.toTensor()); });
        glow.loadStateDict(state);                                  // fails naming any key that does not map one to one
        return glow;
    }

    /** |a − e| ≤ atol + rtol·|e| element-wise, naming the tensor, index and values on failure. */
    private static void assertClose(String what, Tensor actual, Tensor expected, double atol, double rtol) {
        actual.shape().requireEqual(expected.shape(), what);
        for (int i = 0; i < actual.size(); i++) {
            double a = actual.data()[i], e = expected.data()[i], tol = atol + rtol * Math.abs(e);
            if (!(Math.abs(a - e) <= tol))
                throw new AssertionError(String.format("%s %s index %d: PyTorch %.8g, Java %.8g, |diff| %.3g > tol %.3g",
                        what, expected.shape(), i, e, a, Math.abs(a - e), tol));
        }
    }

    @ParameterizedTest @ValueSource(strings = {"additive", "affine"})
    void actNormInitMatchesPyTorch(String variant) throws Exception {
        Map<String, NpyArray> f = fixture(variant);
        Glow glow = load(f);
        glow.actNorms().forEach(ActNorm::resetInitialization);
        try (var scope = Grad.disabled()) {
            glow.forward(get(f, "x_init"));
        }
        for (var entry : glow.stateDict().entrySet())
            if (entry.getKey().contains("actnorm."))
                assertClose(entry.getKey(), entry.getValue(), get(f, entry.getKey()), 1e-6, 1e-5);
    }

    @ParameterizedTest @ValueSource(strings = {"additive", "affine"})
    void forwardLossAndGradientsMatchPyTorch(String variant) throws Exception {
        Map<String, NpyArray> f = fixture(variant);
        Glow glow = load(f);
        Glow.Output out = glow.forward(get(f, "x"));
        assertClose("log_p", out.logP(), get(f, "log_p"), 1e-4, 2e-6);
        assertClose("logdet", out.logdet(), get(f, "logdet"), 1e-4, 1e-6);
        for (int b = 0; b < out.zs().size(); b++) assertClose("z." + b, out.zs().get(b), get(f, "z." + b), 1e-5, 0);
        Tensor loss = BitsPerDim.loss(out.logP(), out.logdet(), glow.config().d());
        assertClose("loss", loss, get(f, "loss"), 5e-6, 0);
        loss.backward();
        List<String> checked = new ArrayList<>();
        for (Parameter p : glow.namedParameters()) {
            assertClose("grad." + p.name(), p.value().gradTensor(), get(f, "grad." + p.name()), 1e-5, 1e-4);
            checked.add(p.name());
        }
        assertThat(checked).hasSize((int) f.keySet().stream().filter(k -> k.startsWith("grad.")).count());
    }

    @ParameterizedTest @ValueSource(strings = {"additive", "affine"})
    void reconstructionAndSampleMatchPyTorch(String variant) throws Exception {
        Map<String, NpyArray> f = fixture(variant);
        Glow glow = load(f);
        try (var scope = Grad.disabled()) {
            List<Tensor> zs = List.of(get(f, "z.0"), get(f, "z.1"));
            assertClose("x_rec", glow.reverse(zs, true), get(f, "x_rec"), 1e-5, 0);
            List<Tensor> eps = List.of(get(f, "eps.0"), get(f, "eps.1"));
            assertClose("sample", glow.reverse(eps, false), get(f, "sample"), 1e-5, 0);
        }
    }
}
