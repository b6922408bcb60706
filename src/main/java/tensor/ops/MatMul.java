package tensor.ops;

import tensor.Shape;
import tensor.Tensor;
import tensor.backend.Backend;
import tensor.backend.Backends;

/**
 * C = A · B for A [m, k] and B [k, n].
 * dA += dC · Bᵀ, dB += Aᵀ · dC (both through the backend's gemm).
 */
public final class MatMul {
    private MatMul() {}

    public static Tensor apply(Tensor a, Tensor b) {
        if (a.rank() != 2 || b.rank() != 2 || a.dim(1) != b.dim(0))
            throw new IllegalArgumentException("matmul: shapes " + a.shape() + " and " + b.shape() + " do not multiply (need [m, k] and [k, n])");
        int m = a.dim(0), k = a.dim(1), n = b.dim(1);
        float[] c = new float[m * n];
        Backends.current().gemm(false, false, m, n, k, a.data(), 0, b.data(), 0, c, 0, false);
        return Tensor.result(Shape.of(m, n), c, out -> {
            Backend backend = Backends.current();
            if (a.requiresGrad()) backend.gemm(false, true, m, k, n, out.grad(), 0, b.data(), 0, a.grad(), 0, true);
            if (b.requiresGrad()) backend.gemm(true, false, k, n, m, a.data(), 0, out.grad(), 0, b.grad(), 0, true);
        }, a, b);
    }
}
