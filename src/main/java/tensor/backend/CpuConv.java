package tensor.backend;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * The three convolution passes of {@link CpuBackend} as gemms over patch matrices
 * ({@link Im2col}); K = cIn·kh·kw, P = hOut·wOut, W viewed as [cOut, K]:
 * <pre>
 * forward          y_b  = W · col_b (+ bias)                   per image
 * backward input   dx_b += col2im(Wᵀ · dy_b)                   per image
 * backward weight  dW   += Σ_b dy_b · col_bᵀ                   images in fixed chunks along k
 * backward bias    dBias += Σ_{b,t} dy_b[:, t]                 vector lanes, fixed order
 * </pre>
 * A 1x1 convolution with stride 1 and no padding has col_b = x_b and uses x directly.
 * Images are spread over the threads when there are at least as many images as threads (each
 * gemm then runs on one thread); otherwise the images go one by one and each gemm is split.
 * The gemm's summation order never depends on how it is run, so neither do the results.
 */
final class CpuConv {
    /** The weight gradient sums over chunks of about this many pixels (G·P) per gemm... */
    private static final int CHUNK_K = 1024;
    /** ...whose patch matrices hold at most this many floats (16 MiB). */
    private static final int CHUNK_FLOATS = 1 << 22;
    /** Chunk products are computed side by side when all of them fit in this many floats (8 MiB). */
    private static final int PARTIALS_FLOATS = 1 << 21;
    private static final Parallel SERIAL = new Parallel(1);
    private static final ThreadLocal<float[]> COLUMNS = new ThreadLocal<>(), UPSTREAM = new ThreadLocal<>(),
            PARTIALS = new ThreadLocal<>();

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
     * dW += Σ_b dy_b · col_bᵀ over chunks of G images, G fixed by the geometry alone (enough
     * images for a sum over about {@link #CHUNK_K} pixels). When the chunks' products are small
     * they are computed side by side, one chunk per thread, and then added to dW in chunk order;
     * otherwise chunk after chunk, each gemm split over the threads.
     */
    static void backwardWeight(Parallel parallel, ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dBias) {
        int kSize = g.cIn() * g.kh() * g.kw(), pSize = g.hOut() * g.wOut(), dwSize = g.cOut() * kSize;
        int chunk = Math.max(1, Math.min(Math.min(g.n(), CHUNK_K / pSize), CHUNK_FLOATS / (kSize * pSize)));
        int chunks = (g.n() + chunk - 1) / chunk;
        if (chunks > 1 && (long) chunks * dwSize <= PARTIALS_FLOATS) {
            float[] partials = scratch(PARTIALS, chunks * dwSize);      // [chunks, cOut, K]
            parallel.forRange(chunks, 1, (from, to) -> {
                for (int c = from; c < to; c++) chunkProduct(SERIAL, g, x, dy, c * chunk, chunk, partials, c * dwSize, false);
            });
            parallel.forRange(dwSize, 1 << 12, (from, to) -> {
                for (int e = from; e < to; e++) {
                    float acc = dw[e];
                    for (int c = 0; c < chunks; c++) acc += partials[c * dwSize + e];
                    dw[e] = acc;
                }
            });
        } else {
            for (int c = 0; c < chunks; c++) chunkProduct(parallel, g, x, dy, c * chunk, chunk, dw, 0, true);
        }
        if (dBias != null) biasGradient(parallel, g.n(), g.cOut(), pSize, dy, dBias);
    }

    /**
     * out (+)= dyChunk [cOut, G·P] · colChunkᵀ [G·P, K] for the images first .. first + G − 1
     * (fewer at the end). A chunk of one image uses dy_b (and, 1x1, x_b) in place.
     */
    private static void chunkProduct(Parallel gemmThreads, ConvGeometry g, float[] x, float[] dy, int first, int chunk,
                                     float[] out, int outOff, boolean accumulate) {
        int kSize = g.cIn() * g.kh() * g.kw(), pSize = g.hOut() * g.wOut(), xSize = g.cIn() * g.h() * g.w();
        int images = Math.min(chunk, g.n() - first), ld = images * pSize;
        float[] col = x, dyChunk = dy;
        int colOff = first * xSize, dyOff = first * g.cOut() * pSize;
        if (images > 1 || !isPointwise(g)) {
            col = scratch(COLUMNS, kSize * ld);
            colOff = 0;
            for (int t = 0; t < images; t++) Im2col.im2col(g, x, (first + t) * xSize, col, t * pSize, ld);
        }
        if (images > 1) {
            dyChunk = scratch(UPSTREAM, g.cOut() * ld);
            dyOff = 0;
            for (int t = 0; t < images; t++)
                for (int o = 0; o < g.cOut(); o++)
                    System.arraycopy(dy, ((first + t) * g.cOut() + o) * pSize, dyChunk, o * ld + t * pSize, pSize);
        }
        Sgemm.compute(gemmThreads, false, true, g.cOut(), kSize, ld, dyChunk, dyOff, ld, col, colOff, ld, out, outOff, kSize, accumulate);
    }

    /**
     * dBias[o] += Σ_{b,t} dy[b, o, t] in a fixed order: lane l of a vector accumulator sums the
     * pixels t ≡ l (mod VL) below the last multiple of VL, then the lanes are added in index
     * order, then the remaining pixels (a sequential sum would chain every addition on the
     * last). dy is read in memory order, images outermost.
     */
    private static void biasGradient(Parallel parallel, int n, int cOut, int pSize, float[] dy, float[] dBias) {
        int vl = Sgemm.VL, bound = Sgemm.SPECIES.loopBound(pSize);
        parallel.forRange(cOut, 1, (from, to) -> {
            float[] lanes = new float[(to - from) * vl];                 // [outputs, VL] accumulators
            for (int b = 0; b < n; b++)
                for (int o = from; o < to; o++) {
                    FloatVector acc = FloatVector.fromArray(Sgemm.SPECIES, lanes, (o - from) * vl);
                    for (int t = 0, at = (b * cOut + o) * pSize; t < bound; t += vl)
                        acc = acc.add(FloatVector.fromArray(Sgemm.SPECIES, dy, at + t));
                    acc.intoArray(lanes, (o - from) * vl);
                }
            for (int o = from; o < to; o++) {
                float sum = 0f;
                for (int l = 0; l < vl; l++) sum += lanes[(o - from) * vl + l];
                for (int b = 0; b < n; b++)
                    for (int t = bound, at = (b * cOut + o) * pSize; t < pSize; t++) sum += dy[at + t];
                dBias[o] += sum;
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
