package tensor.backend;

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
 * convolutions use the same passes (a stride-1 convolution sampled every s positions). The
 * products are {@link WindowGemm} (batch and pixels together form the gemm's columns, so small
 * images and few channels still make long rows) and {@link DotKernel} (dot products along the
 * grid rows). Each output element is computed by one thread in an order fixed by the geometry,
 * so results never depend on the thread count.
 */
final class CpuConv {
    private static final ThreadLocal<float[]> INPUT = new ThreadLocal<>(), UPSTREAM = new ThreadLocal<>(),
            PRODUCT = new ThreadLocal<>(), FLIPPED = new ThreadLocal<>();

    private CpuConv() {}

    static void forward(Parallel parallel, ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        ConvGrid grid = new ConvGrid(g);
        float[] xGrid = inputGrid(parallel, grid, x);
        float[] yGrid = scratch(PRODUCT, roundUp(g.cOut(), Sgemm.MR) * grid.columns);
        WindowGemm.compute(parallel, g.cOut(), grid.columns, g.cIn() * g.kh() * g.kw(), w, xGrid,
                grid.taps(g.cIn(), grid.inputRow(), 0), yGrid);
        grid.output(parallel, yGrid, bias, y);
    }

    static void backwardInput(Parallel parallel, ConvGeometry g, float[] dy, float[] w, float[] dx) {
        ConvGrid grid = new ConvGrid(g);
        float[] dyGrid = scratch(UPSTREAM, g.cOut() * grid.upstreamRow());
        grid.upstream(parallel, dy, g.cOut(), dyGrid);
        float[] dxGrid = scratch(PRODUCT, roundUp(g.cIn(), Sgemm.MR) * grid.columns);
        WindowGemm.compute(parallel, g.cIn(), grid.columns, g.cOut() * g.kh() * g.kw(), flipped(g, w), dyGrid,
                grid.taps(g.cOut(), grid.upstreamRow(), grid.lead), dxGrid);
        grid.addInput(parallel, dxGrid, dx);
    }

    /**
     * dW[o, (c, ph, q)] += Σ_p dy_grid[o, p] · x_grid[c, p + ph·wp + q] over all grid positions p,
     * in tiles of {@link DotKernel#ROWS_A} outputs × {@link DotKernel#ROWS_B} taps (the last tiles
     * padded with zero rows of dy and repeated taps whose sums are dropped).
     */
    static void backwardWeight(Parallel parallel, ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dBias) {
        ConvGrid grid = new ConvGrid(g);
        int k = g.cIn() * g.kh() * g.kw(), outRows = roundUp(g.cOut(), DotKernel.ROWS_A), taps = roundUp(k, DotKernel.ROWS_B);
        float[] xGrid = inputGrid(parallel, grid, x);
        float[] dyGrid = scratch(UPSTREAM, outRows * grid.upstreamRow());
        grid.upstream(parallel, dy, outRows, dyGrid);
        int[] dyRows = new int[outRows], tapRows = new int[taps];
        for (int o = 0; o < outRows; o++) dyRows[o] = o * grid.upstreamRow() + grid.reach;
        System.arraycopy(grid.taps(g.cIn(), grid.inputRow(), 0), 0, tapRows, 0, k);
        int tapTiles = taps / DotKernel.ROWS_B;
        parallel.forRange(outRows / DotKernel.ROWS_A * tapTiles, 1, (from, to) -> {
            float[] sums = new float[DotKernel.ROWS_A * DotKernel.ROWS_B], lanes = DotKernel.lanes();
            for (int tile = from; tile < to; tile++) {
                int o0 = tile / tapTiles * DotKernel.ROWS_A, t0 = tile % tapTiles * DotKernel.ROWS_B;
                DotKernel.run(grid.columns, dyGrid, dyRows, o0, xGrid, tapRows, t0, sums, lanes);
                for (int i = 0; i < DotKernel.ROWS_A && o0 + i < g.cOut(); i++)
                    for (int j = 0; j < DotKernel.ROWS_B && t0 + j < k; j++) dw[(o0 + i) * k + t0 + j] += sums[i * DotKernel.ROWS_B + j];
            }
        });
        if (dBias != null) biasGradient(parallel, g.n(), g.cOut(), g.hOut() * g.wOut(), dy, dBias);
    }

    private static float[] inputGrid(Parallel parallel, ConvGrid grid, float[] x) {
        float[] xGrid = scratch(INPUT, grid.g.cIn() * grid.inputRow());
        grid.input(parallel, x, xGrid);
        return xGrid;
    }

    /** W' [cIn, cOut·kh·kw] with W'[c, (o, ph, q)] = W[o, c, kh − 1 − ph, kw − 1 − q]. */
    private static float[] flipped(ConvGeometry g, float[] w) {
        int kh = g.kh(), kw = g.kw(), taps = kh * kw;
        float[] f = scratch(FLIPPED, g.weightSize());
        for (int c = 0; c < g.cIn(); c++)
            for (int o = 0; o < g.cOut(); o++)
                for (int ph = 0; ph < kh; ph++)
                    for (int q = 0; q < kw; q++)
                        f[(c * g.cOut() + o) * taps + ph * kw + q] = w[(o * g.cIn() + c) * taps + (kh - 1 - ph) * kw + kw - 1 - q];
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
