package lassi.bench;

import java.util.List;
import tensor.Tensor;
import tensor.random.Rng;

/** sgemm_N: C = A · B for square float32 matrices, through the backend's gemm. */
final class SgemmWorkloads {
    private SgemmWorkloads() {}

    static List<Workload> all() {
        return List.of(square(512), square(1024), square(2048));
    }

    static Workload square(int n) {
        return new Workload("sgemm_" + n, 2.0 * n * n * n, backend -> {
            var rng = new Rng(n);
            float[] a = Tensor.randn(rng, n, n).data(), b = Tensor.randn(rng, n, n).data();   // [n, n] each
            float[] c = new float[n * n];                                                      // [n, n]
            return () -> backend.gemm(false, false, n, n, n, a, 0, b, 0, c, 0, false);
        });
    }
}
