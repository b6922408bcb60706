package tensor;

import java.util.List;
import java.util.function.Function;
import tensor.random.Rng;

/**
 * Finite-difference gradient checks (central differences, random upstream gradient, sums in
 * double). For a function f of several tensors, the scalar probe is L = ⟨u, f(x)⟩ with u random;
 * backward gives ∂L/∂x, compared with (L(x + εe) − L(x − εe)) / 2ε for every element
 * ({@link #assertElementwise}) or along random directions v ({@link #assertDirectional}).
 * A failure names the input, the index, both values and the tolerance.
 */
public final class GradCheck {
    private GradCheck() {}

    /** Checks every element of every input. Use for tiny shapes. */
    public static void assertElementwise(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, Rng rng,
                                         double eps, double atol, double rtol) {
        float[] u = backwardWithRandomUpstream(f, inputs, rng);
        for (int t = 0; t < inputs.size(); t++) {
            Tensor x = inputs.get(t);
            float[] analytic = x.grad().clone();
            for (int i = 0; i < x.size(); i++) {
                float saved = x.data()[i];
                float up = (float) (saved + eps), down = (float) (saved - eps);   // the steps actually taken in float
                x.data()[i] = up;
                double plus = probe(f, inputs, u);
                x.data()[i] = down;
                double minus = probe(f, inputs, u);
                x.data()[i] = saved;
                double numeric = (plus - minus) / ((double) up - down);
                check("input " + t + " " + x.shape() + " index " + i, analytic[i], numeric, atol, rtol);
            }
        }
    }

    /** Checks ⟨∂L/∂x, v⟩ against the directional difference for {@code directions} random v per input. */
    public static void assertDirectional(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, Rng rng, int directions,
                                         double eps, double atol, double rtol) {
        float[] u = backwardWithRandomUpstream(f, inputs, rng);
        for (int t = 0; t < inputs.size(); t++) {
            Tensor x = inputs.get(t);
            float[] analytic = x.grad().clone();
            for (int r = 0; r < directions; r++) {
                float[] v = new float[x.size()];
                double norm = 0;
                for (int i = 0; i < v.length; i++) { v[i] = (float) rng.nextGaussian(); norm += v[i] * (double) v[i]; }
                norm = Math.sqrt(norm);
                for (int i = 0; i < v.length; i++) v[i] /= (float) norm;
                double dot = 0;
                for (int i = 0; i < v.length; i++) dot += analytic[i] * (double) v[i];
                float[] saved = x.data().clone();
                for (int i = 0; i < v.length; i++) x.data()[i] = (float) (saved[i] + eps * v[i]);
                double plus = probe(f, inputs, u);
                for (int i = 0; i < v.length; i++) x.data()[i] = (float) (saved[i] - eps * v[i]);
                double minus = probe(f, inputs, u);
                System.arraycopy(saved, 0, x.data(), 0, saved.length);
                check("input " + t + " " + x.shape() + " direction " + r, dot, (plus - minus) / (2 * eps), atol, rtol);
            }
        }
    }

    /** Fresh gradients of L = ⟨u, f(inputs)⟩ for a random u, which is returned for the probes. */
    private static float[] backwardWithRandomUpstream(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, Rng rng) {
        for (Tensor x : inputs) { x.requiresGrad(true); x.zeroGrad(); }
        Tensor out = f.apply(inputs);
        float[] u = new float[out.size()];
        for (int i = 0; i < u.length; i++) u[i] = (float) rng.nextGaussian();
        out.backward(u);
        return u;
    }

    private static double probe(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, float[] u) {
        try (var scope = Grad.disabled()) {
            Tensor out = f.apply(inputs);
            double s = 0;
            for (int i = 0; i < u.length; i++) s += u[i] * (double) out.data()[i];
            return s;
        }
    }

    private static void check(String where, double analytic, double numeric, double atol, double rtol) {
        double tol = atol + rtol * Math.max(Math.abs(analytic), Math.abs(numeric));
        if (!(Math.abs(analytic - numeric) <= tol))
            throw new AssertionError(String.format("gradient mismatch at %s: backward %.8g, finite difference %.8g, |diff| %.3g > tol %.3g (atol %.1g, rtol %.1g)",
                    where, analytic, numeric, Math.abs(analytic - numeric), tol, atol, rtol));
    }
}
