package tensor.ops;

import tensor.Tensor;
import tensor.random.Rng;

/** Seeded test inputs for the gradient checks. */
final class Inputs {
    // Float32 forward passes round each output to ~1e-7 relative; divided by the step 2ε = 2e-2 that
    // noise stays near 1e-5, while the O(ε²) truncation error of smooth ops is within rtol.
    static final double EPS = 1e-2, ATOL = 1e-4, RTOL = 1e-2;

    private Inputs() {}

    /** N(0, 1) entries pushed to |x| ≥ 0.2, so that a step of ε = 1e-2 never crosses a kink at 0. */
    static Tensor awayFromZero(Rng rng, int... dims) {
        Tensor x = Tensor.randn(rng, dims);
        float[] d = x.data();
        for (int i = 0; i < d.length; i++) if (Math.abs(d[i]) < 0.2f) d[i] = d[i] < 0 ? d[i] - 0.2f : d[i] + 0.2f;
        return x;
    }

    /** Entries uniform in [lo, hi). */
    static Tensor uniform(Rng rng, float lo, float hi, int... dims) {
        return Tensor.uniform(rng, lo, hi, dims);
    }
}
