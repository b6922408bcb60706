package tensor.backend;

import tensor.Shape;

/**
 * The CPU backend: a fixed pool of threads and the JDK Vector API. gemm is a packed,
 * register-blocked SGEMM ({@link Sgemm}); convolutions are gemms and dot products on a padded
 * grid ({@link CpuConv}); element-wise and broadcasting loops are the reference loops, one
 * specialised copy per function ({@link ElementwiseLoops}), split into contiguous ranges
 * ({@link Broadcasting}). Every output element is computed by one thread in an
 * order that depends only on the problem, so results never depend on the thread count. gemm and
 * convolutions sum with fused multiply-adds in k-blocks, so they match {@link Reference} within
 * float rounding; the element-wise loops match it bit for bit.
 */
public final class CpuBackend implements Backend {
    private static volatile CpuBackend shared;

    private final Parallel parallel;

    public CpuBackend(int threads) {
        this.parallel = new Parallel(threads);
    }

    /** The process-wide CPU backend with one thread per available core. */
    public static CpuBackend shared() {
        if (shared == null) {
            synchronized (CpuBackend.class) {
                if (shared == null) shared = new CpuBackend(Runtime.getRuntime().availableProcessors());
            }
        }
        return shared;
    }

    public int threads() { return parallel.threads(); }

    @Override public Device device() { return Device.CPU; }

    @Override public String describe() {
        return "cpu: " + parallel.threads() + " threads, Vector API " + Sgemm.SPECIES.vectorBitSize() + "-bit";
    }

    @Override public void gemm(boolean transA, boolean transB, int m, int n, int k,
                               float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, boolean accumulate) {
        Sgemm.compute(parallel, transA, transB, m, n, k, a, aOffset, transA ? m : k, b, bOffset, transB ? k : n,
                c, cOffset, n, accumulate);
    }

    @Override public void conv2dForward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        CpuConv.forward(parallel, g, x, w, bias, y);
    }

    @Override public void conv2dBackwardInput(ConvGeometry g, float[] dy, float[] w, float[] dx) {
        CpuConv.backward(parallel, g, null, dy, w, dx, null, null);
    }

    @Override public void conv2dBackwardWeight(ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dBias) {
        CpuConv.backward(parallel, g, x, dy, null, null, dw, dBias);
    }

    @Override public void conv2dBackward(ConvGeometry g, float[] x, float[] dy, float[] w, float[] dx, float[] dw, float[] dBias) {
        CpuConv.backward(parallel, g, x, dy, w, dx, dw, dBias);           // dy goes to its grid once
    }

    @Override public void unary(Unary f, float p, float[] x, float[] y) {
        parallel.forRange(x.length, 1 << 15, (from, to) -> ElementwiseLoops.unary(f, p, x, y, from, to));
    }

    @Override public void unaryBackward(Unary f, float p, float[] x, float[] y, float[] dy, float[] dx) {
        parallel.forRange(dx.length, 1 << 15, (from, to) -> ElementwiseLoops.unaryBackward(f, p, x, y, dy, dx, from, to));
    }

    @Override public void binary(Binary f, float[] a, Shape aShape, float[] b, Shape bShape, float[] out, Shape outShape) {
        Broadcasting.binary(parallel, f, a, aShape, b, bShape, out, outShape);
    }

    @Override public void sumTo(float[] x, Shape xShape, float[] out, Shape outShape) {
        Broadcasting.sumTo(parallel, x, xShape, out, outShape);
    }
}
