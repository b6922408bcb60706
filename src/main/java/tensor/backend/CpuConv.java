package tensor.backend;

import java.util.Arrays;

/**
 * The three convolution passes of {@link CpuBackend} as gemms over patch matrices
 * ({@link Im2col}); K = cIn·kh·kw, P = hOut·wOut, W viewed as [cOut, K]:
 * <pre>
 * forward          y_b  = W · col_b (+ bias)                   per image
 * backward input   dx_b += col2im(Wᵀ · dy_b)                   per image
 * backward weight  dW   += Σ_b dy_b · col_bᵀ                   images in fixed chunks along k
 * </pre>
 * A 1x1 convolution with stride 1 and no padding has col_b = x_b and uses x directly.
 * Images are spread over the threads when there are at least as many images as threads (each
 * gemm then runs on one thread); otherwise the images go one by one and each gemm is split.
 * The gemm's summation order never depends on how it is run, so neither do the results.
 */
final class CpuConv {
    /** The patch matrices of one weight-gradient chunk hold at most this many floats (16 MiB). */
    private static final int CHUNK_FLOATS = 1 << 22;
    private static final Parallel SERIAL = new Parallel(1);
    private static final ThreadLocal<float[]> COLUMNS = new ThreadLocal<>(), UPSTREAM = new ThreadLocal<>();

    private CpuConv() {}

    static void forward(Parallel parallel, ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        int kSize = g.cIn() * g.kh() * g.kw(), pSize = g.hOut() * g.wOut(), xSize = g.cIn() * g.h() * g.w();
        forEachImage(parallel, g.n(), (gemmThreads, b) -> {
            float[] col = x;
            int colOff = b * xSize;
            if (!isPointwise(g)) {
                col = scratch(COLUMNS, kSize * pSize);
                colOff = 0;
                Im2col.im2col(g, x, b * xSize, col, 0, pSize);
            }
            int yOff = b * g.cOut() * pSize;
            if (bias != null)
                for (int o = 0; o < g.cOut(); o++) Arrays.fill(y, yOff + o * pSize, yOff + (o + 1) * pSize, bias[o]);
            Sgemm.compute(gemmThreads, false, false, g.cOut(), pSize, kSize, w, 0, kSize, col, colOff, pSize,
                    y, yOff, pSize, bias != null);
        });
    }

    static void backwardInput(Parallel parallel, ConvGeometry g, float[] dy, float[] w, float[] dx) {
        int kSize = g.cIn() * g.kh() * g.kw(), pSize = g.hOut() * g.wOut(), xSize = g.cIn() * g.h() * g.w();
        forEachImage(parallel, g.n(), (gemmThreads, b) -> {
            int dyOff = b * g.cOut() * pSize;
            if (isPointwise(g)) {
                Sgemm.compute(gemmThreads, true, false, kSize, pSize, g.cOut(), w, 0, kSize, dy, dyOff, pSize,
                        dx, b * xSize, pSize, true);
                return;
            }
            float[] dCol = scratch(COLUMNS, kSize * pSize);
            Sgemm.compute(gemmThreads, true, false, kSize, pSize, g.cOut(), w, 0, kSize, dy, dyOff, pSize,
                    dCol, 0, pSize, false);
            Im2col.col2imAdd(g, dCol, 0, pSize, dx, b * xSize);
        });
    }

    /**
     * dW += Σ_b dy_b · col_bᵀ as one gemm per chunk of images: dyChunk [cOut, G·P] ·
     * colChunkᵀ [G·P, K], with G fixed by the geometry alone. dBias sums dy in the reference order.
     */
    static void backwardWeight(Parallel parallel, ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dBias) {
        int kSize = g.cIn() * g.kh() * g.kw(), pSize = g.hOut() * g.wOut(), xSize = g.cIn() * g.h() * g.w();
        int chunk = Math.max(1, Math.min(g.n(), CHUNK_FLOATS / (kSize * pSize)));
        for (int b0 = 0; b0 < g.n(); b0 += chunk) {
            int images = Math.min(chunk, g.n() - b0), first = b0, ld = images * pSize;
            float[] col = scratch(COLUMNS, kSize * ld), dyChunk = scratch(UPSTREAM, g.cOut() * ld); // [K, G·P], [cOut, G·P]
            parallel.forRange(images, 1, (from, to) -> {
                for (int t = from; t < to; t++) {
                    Im2col.im2col(g, x, (first + t) * xSize, col, t * pSize, ld);
                    for (int o = 0; o < g.cOut(); o++)
                        System.arraycopy(dy, ((first + t) * g.cOut() + o) * pSize, dyChunk, o * ld + t * pSize, pSize);
                }
            });
            Sgemm.compute(parallel, false, true, g.cOut(), kSize, ld, dyChunk, 0, ld, col, 0, ld, dw, 0, kSize, true);
        }
        if (dBias != null)
            parallel.forRange(g.cOut(), 1, (from, to) -> {
                for (int o = from; o < to; o++) {
                    float acc = 0f;
                    for (int b = 0; b < g.n(); b++)
                        for (int t = 0; t < pSize; t++) acc += dy[(b * g.cOut() + o) * pSize + t];
                    dBias[o] += acc;
                }
            });
    }

    /** The work for one image, given the threads its gemms may use. */
    private interface ImageBody {
        void run(Parallel gemmThreads, int b);
    }

    private static void forEachImage(Parallel parallel, int n, ImageBody body) {
        if (n >= parallel.threads()) {
            parallel.forRange(n, 1, (from, to) -> {
                for (int b = from; b < to; b++) body.run(SERIAL, b);
            });
        } else {
            for (int b = 0; b < n; b++) body.run(parallel, b);
        }
    }

    /** 1x1, stride 1, no padding: the patch matrix of an image is the image itself. */
    private static boolean isPointwise(ConvGeometry g) {
        return g.kh() == 1 && g.kw() == 1 && g.stride() == 1 && g.pad() == 0;
    }

    /** This thread's scratch array in {@code slot}, grown to at least {@code size}; contents arbitrary. */
    private static float[] scratch(ThreadLocal<float[]> slot, int size) {
        float[] buffer = slot.get();
        if (buffer == null || buffer.length < size) {
            buffer = new float[size];
            slot.set(buffer);
        }
        return buffer;
    }
}
