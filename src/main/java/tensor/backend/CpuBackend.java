package tensor.backend;

import tensor.Shape;

/**
 * The CPU backend: the loops of {@link Reference}, split over a fixed pool of threads by output
 * rows, so every output element is summed by one thread in the reference order.
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
        return "cpu: " + parallel.threads() + " threads";
    }

    @Override public void gemm(boolean transA, boolean transB, int m, int n, int k,
                               float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, boolean accumulate) {
        Reference.gemm(transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, accumulate);
    }

    @Override public void conv2dForward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        Reference.conv2dForward(g, x, w, bias, y);
    }

    @Override public void conv2dBackwardInput(ConvGeometry g, float[] dy, float[] w, float[] dx) {
        Reference.conv2dBackwardInput(g, dy, w, dx);
    }

    @Override public void conv2dBackwardWeight(ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dBias) {
        Reference.conv2dBackwardWeight(g, x, dy, dw, dBias);
    }

    @Override public void unary(Unary f, float p, float[] x, float[] y) {
        parallel.forRange(x.length, 1 << 15, (from, to) -> {
            for (int i = from; i < to; i++) y[i] = f.apply(x[i], p);
        });
    }

    @Override public void unaryBackward(Unary f, float p, float[] x, float[] y, float[] dy, float[] dx) {
        parallel.forRange(dx.length, 1 << 15, (from, to) -> {
            for (int i = from; i < to; i++) dx[i] += dy[i] * f.derivative(x[i], y[i], p);
        });
    }

    @Override public void binary(Binary f, float[] a, Shape aShape, float[] b, Shape bShape, float[] out, Shape outShape) {
        if (aShape.equals(outShape) && bShape.equals(outShape)) {
            parallel.forRange(out.length, 1 << 15, (from, to) -> {
                for (int i = from; i < to; i++) out[i] = f.apply(a[i], b[i]);
            });
            return;
        }
        Reference.binary(f, a, aShape, b, bShape, out, outShape);
    }

    @Override public void sumTo(float[] x, Shape xShape, float[] out, Shape outShape) {
        Reference.sumTo(x, xShape, out, outShape);
    }
}
