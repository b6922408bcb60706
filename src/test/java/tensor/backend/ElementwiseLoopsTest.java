package tensor.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tensor.random.Rng;

/**
 * The CPU element-wise loops (one specialised loop per function) compute exactly what
 * {@link Reference} computes, bit for bit, for every function and any number of threads. The
 * inputs lie in [−2, 2] (so LOG, SQRT and POW also see their NaN cases) and are long enough to
 * be split over the threads.
 */
class ElementwiseLoopsTest {
    private static final CpuBackend[] BACKENDS = {new CpuBackend(1), new CpuBackend(2), new CpuBackend(3)};

    @Test void unaryForwardAndBackwardMatchReferenceExactly() {
        var rng = new Rng(3);
        int n = 100_003;
        float[] x = CpuGemmTest.uniform(rng, n), dy = CpuGemmTest.uniform(rng, n), start = CpuGemmTest.uniform(rng, n);
        for (int i = 0; i < n; i++) x[i] *= 2f;
        for (Unary f : Unary.values()) {
            float p = f == Unary.POW ? 1.5f : 0.25f;
            float[] y = new float[n], dx = start.clone();
            Reference.unary(f, p, x, y);
            Reference.unaryBackward(f, p, x, y, dy, dx);
            for (CpuBackend backend : BACKENDS) {
                float[] actualY = new float[n], actualDx = start.clone();
                backend.unary(f, p, x, actualY);
                backend.unaryBackward(f, p, x, y, dy, actualDx);
                assertThat(actualY).as("%s with %d threads", f, backend.threads()).isEqualTo(y);
                assertThat(actualDx).as("%s backward with %d threads", f, backend.threads()).isEqualTo(dx);
            }
        }
    }
}
