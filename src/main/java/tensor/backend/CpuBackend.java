package tensor.backend;

import tensor.Shape;

/**
 * The CPU backend: the loops of {@link Reference}, split over a fixed pool of threads by output
 * rows, so every output element is summed by one thread in the reference order.
 */
public final class CpuBackend implements Backend {
    private static volatile CpuBackend shared;

    /** Below this many multiply-adds a gemm runs on the calling thread (forking costs more). */
    private static final long PARALLEL_GEMM_WORK = 1L << 18;

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
        int lda = transA ? m : k, ldb = transB ? k : n;
        if ((long) m * n * k < PARALLEL_GEMM_WORK || parallel.threads() == 1) {
            Sgemm.compute(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, n, accumulate);
            return;
        }
        // Split C into contiguous runs of whole micro-tiles along its longer side; each thread
        // runs the blocked algorithm on its block (the summation order never depends on this).
        int rowTiles = (m + Sgemm.MR - 1) / Sgemm.MR, colTiles = (n + Sgemm.NR - 1) / Sgemm.NR;
        if (colTiles >= rowTiles) {
            parallel.forRange(colTiles, 1, (from, to) -> {
                int j0 = from * Sgemm.NR, j1 = Math.min(n, to * Sgemm.NR);
                Sgemm.compute(transA, transB, m, j1 - j0, k, a, aOffset, lda,
                        b, bOffset + (transB ? j0 * ldb : j0), ldb, c, cOffset + j0, n, accumulate);
            });
        } else {
            parallel.forRange(rowTiles, 1, (from, to) -> {
                int i0 = from * Sgemm.MR, i1 = Math.min(m, to * Sgemm.MR);
                Sgemm.compute(transA, transB, i1 - i0, n, k, a, aOffset + (transA ? i0 : i0 * lda), lda,
                        b, bOffset, ldb, c, cOffset + i0 * n, n, accumulate);
            });
        }
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
