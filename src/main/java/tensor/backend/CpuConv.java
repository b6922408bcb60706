package tensor.backend;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * The three convolution passes of {@link CpuBackend} on the padded channel-major grid of
 * {@link ConvGrid}, where every tap of every image is one shift of a grid row (K = cIn·kh·kw):
 * <pre>
 * forward          y_grid [cOut, positions] = W [cOut, K] · (x_grid rows shifted by each tap)
 * backward input   dx_grid [cIn, positions] = W' [cIn, cOut·kh·kw] · (dy_grid rows shifted back),
 *                  W' the kernel flipped in both spatial axes and transposed in its channels
 * backward weight  dW [cOut, K] += (dy_grid rows) · (x_grid rows shifted by each tap)ᵀ
 * backward bias    dBias += Σ_{b,t} dy_b[:, t]                 vector lanes, fixed order
 * </pre>
 * dy_grid holds dy at the grid positions of the output pixels and zeros elsewhere, so strided
 * convolutions use the same passes (a stride-1 convolution sampled every s positions). A 1x1
 * convolution (stride 1, no padding) on images of whole micro-tiles of pixels needs no grid: its
 * taps are the NCHW channel rows of each image, used in place. The products are
 * {@link WindowGemm} (batch and pixels together form the gemm's columns, so small images and few
 * channels still make long rows) and {@link DotKernel} (dot products along the rows). Each
 * output element is computed by one thread in an order fixed by the geometry, so results never
 * depend on the thread count.
 */
final class CpuConv {
    private static final ThreadLocal<float[]> INPUT = new ThreadLocal<>(), UPSTREAM = new ThreadLocal<>(),
            PRODUCT = new ThreadLocal<>(), FLIPPED = new ThreadLocal<>();

    /** The floats of the rows that the weight gradient's tiles share at a time (half of a 1 MiB L2). */
    private static final int CACHE_FLOATS = 1 << 17;
    /** Weight-gradient tiles swept together (their accumulators take 96 KiB). */
    private static final int TILE_GROUP = 64;
    private static final ThreadLocal<float[]> ACCUMULATORS =
            ThreadLocal.withInitial(() -> new float[TILE_GROUP * DotKernel.ACCUMULATORS]);

    private CpuConv() {}

    static void forward(Parallel parallel, ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        int k = g.cIn() * g.kh() * g.kw();
        if (inPlace(g)) {
            int p = g.h() * g.w();
            WindowGemm.compute(parallel, g.cOut(), g.n() * p, k, w, x, rowOffsets(g.cIn(), p),
                    new WindowGemm.Columns(p, g.cIn() * p, g.cOut() * p), y, false);
            if (bias != null) addBias(parallel, g, bias, y);
            return;
        }
        ConvGrid grid = new ConvGrid(g);
        float[] xGrid = inputGrid(parallel, grid, x);
        float[] yGrid = scratch(PRODUCT, g.cOut() * grid.columns);
        WindowGemm.compute(parallel, g.cOut(), grid.columns, k, w, xGrid, grid.taps(g.cIn(), grid.inputRow(), 0),
                WindowGemm.Columns.single(grid.columns), yGrid, false);
        grid.output(parallel, yGrid, bias, y);
    }

    /**
     * Both backward passes from one dy: dx += ∂L/∂x when dx is not null, dw += ∂L/∂w when dw is
     * not null, dBias += Σ dy when dBias is not null.
     */
    static void backward(Parallel parallel, ConvGeometry g, float[] x, float[] dy, float[] w, float[] dx, float[] dw, float[] dBias) {
        int k = g.cIn() * g.kh() * g.kw();
        if (inPlace(g)) {
            int p = g.h() * g.w();
            if (dx != null)
                WindowGemm.compute(parallel, g.cIn(), g.n() * p, g.cOut(), flipped(parallel, g, w), dy, rowOffsets(g.cOut(), p),
                        new WindowGemm.Columns(p, g.cOut() * p, g.cIn() * p), dx, true);
            if (dw != null)
                weightGradient(parallel, g.n(), p, dy, rowOffsets(g.cOut(), p), g.cOut() * p, x, rowOffsets(k, p), g.cIn() * p, g.cIn(), dw);
        } else {
            ConvGrid grid = new ConvGrid(g);
            float[] dyGrid = scratch(UPSTREAM, g.cOut() * grid.upstreamRow());
            grid.upstream(parallel, dy, dyGrid);
            if (dx != null) {
                float[] dxGrid = scratch(PRODUCT, g.cIn() * grid.columns);
                WindowGemm.compute(parallel, g.cIn(), grid.columns, g.cOut() * g.kh() * g.kw(), flipped(parallel, g, w), dyGrid,
                        grid.taps(g.cOut(), grid.upstreamRow(), grid.lead), WindowGemm.Columns.single(grid.columns), dxGrid, false);
                grid.addInput(parallel, dxGrid, dx);
            }
            if (dw != null) {
                int[] dyRows = rowOffsets(g.cOut(), grid.upstreamRow());
                for (int o = 0; o < dyRows.length; o++) dyRows[o] += grid.reach;
                weightGradient(parallel, 1, grid.columns, dyGrid, dyRows, 0, inputGrid(parallel, grid, x),
                        grid.taps(g.cIn(), grid.inputRow(), 0), 0, g.cIn(), dw);
            }
        }
        if (dBias != null) biasGradient(parallel, g.n(), g.cOut(), g.hOut() * g.wOut(), dy, dBias);
    }

    /**
     * dW[o, t] += Σ_s Σ_p dy[dyRows[o] + s·dySegment + p] · x[taps[t] + s·xSegment + p] (rows of
     * segments × length, drawn from {@code xRows} distinct rows of x), in tiles of
     * {@link DotKernel#ROWS_A} × {@link DotKernel#ROWS_B} rows of the two operands; the last tiles
     * are completed with repeats of the first row whose sums are dropped. The dy rows take the
     * side that needs fewer such repeats (the sums are the same either way: each is a sum of
     * products dy·x in the same order). Each thread sweeps groups of {@link #TILE_GROUP} of its
     * tiles over one range of positions after another, sized so that the range of every row fits
     * in {@link #CACHE_FLOATS}.
     */
    private static void weightGradient(Parallel parallel, int segments, int length, float[] dy, int[] dyRows, int dySegment,
                                       float[] x, int[] taps, int xSegment, int xRows, float[] dw) {
        int outputs = dyRows.length, k = taps.length, total = segments * length;
        boolean swap = (long) roundUp(outputs, DotKernel.ROWS_B) * roundUp(k, DotKernel.ROWS_A)
                < (long) roundUp(outputs, DotKernel.ROWS_A) * roundUp(k, DotKernel.ROWS_B);
        float[] a = swap ? x : dy, b = swap ? dy : x;
        int aSegment = swap ? xSegment : dySegment, bSegment = swap ? dySegment : xSegment;
        int aCount = swap ? k : outputs, bCount = swap ? outputs : k;
        int[] aRows = completed(swap ? taps : dyRows, DotKernel.ROWS_A), bRows = completed(swap ? dyRows : taps, DotKernel.ROWS_B);
        int bTiles = bRows.length / DotKernel.ROWS_B, tiles = aRows.length / DotKernel.ROWS_A * bTiles;
        int range = Math.max(Sgemm.VL, CACHE_FLOATS / (roundUp(outputs, DotKernel.ROWS_A) + xRows) / Sgemm.VL * Sgemm.VL);
        parallel.forRange(tiles, 1, (from, to) -> {
            float[] acc = ACCUMULATORS.get(), sums = new float[DotKernel.ROWS_A * DotKernel.ROWS_B];
            for (int g0 = from; g0 < to; g0 += TILE_GROUP) {
                int g1 = Math.min(to, g0 + TILE_GROUP);
                Arrays.fill(acc, 0, (g1 - g0) * DotKernel.ACCUMULATORS, 0f);
                for (int q0 = 0; q0 < total; q0 += range)
                    for (int tile = g0; tile < g1; tile++)
                        DotKernel.accumulate(q0, Math.min(total, q0 + range), length, a, aRows, tile / bTiles * DotKernel.ROWS_A, aSegment,
                                b, bRows, tile % bTiles * DotKernel.ROWS_B, bSegment, acc, (tile - g0) * DotKernel.ACCUMULATORS);
                for (int tile = g0; tile < g1; tile++) {
                    int a0 = tile / bTiles * DotKernel.ROWS_A, b0 = tile % bTiles * DotKernel.ROWS_B;
                    DotKernel.reduce(acc, (tile - g0) * DotKernel.ACCUMULATORS, sums);
                    for (int i = 0; i < DotKernel.ROWS_A && a0 + i < aCount; i++)
                        for (int j = 0; j < DotKernel.ROWS_B && b0 + j < bCount; j++) {
                            int o = swap ? b0 + j : a0 + i, t = swap ? a0 + i : b0 + j;
                            dw[o * k + t] += sums[i * DotKernel.ROWS_B + j];
                        }
                }
            }
        });
    }

    /** {@code offsets} extended to a multiple of {@code tile} entries with repeats of the first. */
    private static int[] completed(int[] offsets, int tile) {
        int[] out = Arrays.copyOf(offsets, roundUp(offsets.length, tile));
        Arrays.fill(out, offsets.length, out.length, offsets[0]);
        return out;
    }

    /** A 1x1 convolution with stride 1, no padding and whole micro-tiles of pixels per image: computed on x, dy, y, dx in place. */
    private static boolean inPlace(ConvGeometry g) {
        return g.kh() == 1 && g.kw() == 1 && g.stride() == 1 && g.pad() == 0 && g.h() * g.w() % Sgemm.NR == 0;
    }

    /** Row offsets r·stride for r < rows. */
    private static int[] rowOffsets(int rows, int stride) {
        int[] r = new int[rows];
        for (int i = 0; i < rows; i++) r[i] = i * stride;
        return r;
    }

    private static void addBias(Parallel parallel, ConvGeometry g, float[] bias, float[] y) {
        int p = g.h() * g.w();
        parallel.forRange(g.n() * g.cOut(), 1, (from, to) -> {
            for (int plane = from; plane < to; plane++) {
                float add = bias[plane % g.cOut()];
                for (int t = plane * p; t < (plane + 1) * p; t++) y[t] += add;
            }
        });
    }

    private static float[] inputGrid(Parallel parallel, ConvGrid grid, float[] x) {
        float[] xGrid = scratch(INPUT, grid.g.cIn() * grid.inputRow());
        grid.input(parallel, x, xGrid);
        return xGrid;
    }

    /** W' [cIn, cOut·kh·kw] with W'[c, (o, ph, q)] = W[o, c, kh − 1 − ph, kw − 1 − q]. */
    private static float[] flipped(Parallel parallel, ConvGeometry g, float[] w) {
        int kh = g.kh(), kw = g.kw(), taps = kh * kw;
        float[] f = scratch(FLIPPED, g.weightSize());
        parallel.forRange(g.cIn(), 1, (from, to) -> {
            for (int c = from; c < to; c++)
                for (int o = 0; o < g.cOut(); o++)
                    for (int ph = 0; ph < kh; ph++)
                        for (int q = 0; q < kw; q++)
                            f[(c * g.cOut() + o) * taps + ph * kw + q] = w[(o * g.cIn() + c) * taps + (kh - 1 - ph) * kw + kw - 1 - q];
        });
        return f;
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

    private static int roundUp(int v, int multiple) {
        return (v + multiple - 1) / multiple * multiple;
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
