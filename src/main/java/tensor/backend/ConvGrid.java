package tensor.backend;

import java.util.Arrays;

/**
 * The padded, channel-major layout in which {@link CpuConv} computes a convolution. Channel c of
 * a batch [n, C, h, w] becomes one row holding the n images one after another, each row of an
 * image followed by pad zeros and each image by pad zero rows (wp = w + pad columns, hp = h + pad
 * rows, plane = hp·wp; more when the padding exceeds the kernel, so that every output pixel has
 * a position of its own), after a lead-in of pad zero rows and pad zeros: x[b, c, r, col] sits at
 * {@link #lead} + b·plane + r·wp + col. The zeros after a row (an image) are the left (top)
 * padding of the next one. Then tap (ph, q) of output pixel (b, i, j) of a stride-1 convolution
 * reads grid position p + ph·wp + q with p = b·plane + i·wp + j: every tap is one shift of the
 * whole row, for all images at once, so
 * y_grid[o, p] = Σ_{c,ph,q} w[o, c, ph, q] · x_grid[c, p + ph·wp + q], and stride s samples it
 * at p = b·plane + i·s·wp + j·s. The other positions compute values that are never read.
 *
 * <p>Rows are {@link #columns} wide (the positions, rounded up to whole micro-tiles) plus slack,
 * so every shifted window of {@link #columns} values stays inside the row's allocation: input
 * rows carry {@link #lead} zeros before their data and the largest shift after it, upstream
 * gradient rows carry the largest shift before theirs (for the negative shifts of the backward
 * pass).
 */
final class ConvGrid {
    final ConvGeometry g;
    final int wp, plane;
    /** Grid positions per row: n·plane rounded up to a multiple of {@link Sgemm#NR}. */
    final int columns;
    /** The zeros before the first image, pad·wp + pad. */
    final int lead;
    /** The largest tap shift, (kh − 1)·wp + kw − 1. */
    final int reach;

    ConvGrid(ConvGeometry g) {
        this.g = g;
        wp = Math.max(g.w() + g.pad(), (g.wOut() - 1) * g.stride() + 1);          // wider when pad >= kw: every output
        plane = Math.max(g.h() + g.pad(), (g.hOut() - 1) * g.stride() + 1) * wp;  // pixel gets its own position
        long positions = (long) g.n() * plane;
        columns = (int) ((positions + Sgemm.NR - 1) / Sgemm.NR * Sgemm.NR);
        lead = g.pad() * wp + g.pad();
        reach = (g.kh() - 1) * wp + g.kw() - 1;
        if ((long) Math.max(g.cIn(), g.cOut()) * (columns + (long) lead + reach) > Integer.MAX_VALUE)
            throw new IllegalArgumentException("convolution " + g + " too large for one grid of 2^31 floats");
    }

    /** The stride between input-grid rows: lead-in, positions, slack for the largest shift. */
    int inputRow() { return lead + columns + reach; }

    /**
     * The stride between upstream-gradient rows: slack for the largest negative shift, positions,
     * and the lead-in (the backward pass computes the input grid's positions after its lead-in).
     */
    int upstreamRow() { return reach + columns + lead; }

    /** Offsets of the taps (c, ph, q) in c-major order for rows {@code rowStride} apart: start + c·rowStride + ph·wp + q. */
    int[] taps(int channels, int rowStride, int start) {
        int[] t = new int[channels * g.kh() * g.kw()];
        for (int c = 0, i = 0; c < channels; c++)
            for (int ph = 0; ph < g.kh(); ph++)
                for (int q = 0; q < g.kw(); q++) t[i++] = start + c * rowStride + ph * wp + q;
        return t;
    }

    /**
     * x [n, cIn, h, w] into dst [cIn, inputRow()]: the grid, zeros around and after. Rows are
     * written in address order, each gap of padding zeroed just before the data after it (a
     * spill past a row's end lands in the next gap or row, written after it).
     */
    void input(Parallel parallel, float[] x, float[] dst) {
        int row = inputRow(), imageRows = wp == g.w() ? 1 : g.h(), len = g.h() * g.w() / imageRows;   // without padding an image is one run
        boolean spill = GridRows.maySpill(len, wp);
        parallel.forRange(g.cIn(), 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                int zeroFrom = c * row;                        // the first position not yet written
                for (int b = 0; b < g.n(); b++)
                    for (int r = 0, src = (b * g.cIn() + c) * g.h() * g.w(), at = c * row + lead + b * plane; r < imageRows; r++) {
                        Arrays.fill(dst, zeroFrom, at + r * wp, 0f);
                        GridRows.copy(x, src + r * len, dst, at + r * wp, len, 0f, spill && r < imageRows - 1);
                        zeroFrom = at + r * wp + len;
                    }
                Arrays.fill(dst, zeroFrom, (c + 1) * row, 0f);
            }
        });
    }

    /**
     * dy [n, cOut, hOut, wOut] into dst [cOut, upstreamRow()]: row o holds dy[b, o, i, j] at
     * reach + (the grid position of output pixel (b, i, j)), zeros elsewhere.
     */
    void upstream(Parallel parallel, float[] dy, float[] dst) {
        int ho = g.hOut(), wo = g.wOut(), s = g.stride(), row = upstreamRow();
        int outRows = s == 1 && wo == wp ? 1 : ho, len = ho * wo / outRows;        // output rows without gaps are one run
        boolean spill = s == 1 && GridRows.maySpill(len, wp);
        parallel.forRange(g.cOut(), 1, (from, to) -> {
            Arrays.fill(dst, from * row, to * row, 0f);
            for (int o = from; o < to; o++)
                for (int b = 0; b < g.n(); b++)
                    for (int i = 0; i < outRows; i++) {
                        int src = (b * g.cOut() + o) * ho * wo + i * len, at = o * row + reach + b * plane + i * s * wp;
                        if (s == 1) GridRows.copy(dy, src, dst, at, len, 0f, spill && i < outRows - 1);
                        else for (int j = 0; j < wo; j++) dst[at + j * s] = dy[src + j];
                    }
        });
    }

    /** y [n, cOut, hOut, wOut] = the output pixels of grid [≥ cOut, columns] (+ bias[o] when not null). */
    void output(Parallel parallel, float[] grid, float[] bias, float[] y) {
        int ho = g.hOut(), wo = g.wOut(), s = g.stride();
        int outRows = s == 1 && wo == wp ? 1 : ho, len = ho * wo / outRows;
        boolean spill = s == 1 && GridRows.maySpill(len, len);
        parallel.forRange(g.cOut(), 1, (from, to) -> {
            for (int o = from; o < to; o++) {
                float add = bias == null ? 0f : bias[o];
                for (int b = 0; b < g.n(); b++)
                    for (int i = 0; i < outRows; i++) {
                        int dst = (b * g.cOut() + o) * ho * wo + i * len, at = o * columns + b * plane + i * s * wp;
                        if (s == 1) GridRows.copy(grid, at, y, dst, len, add, spill && i < outRows - 1);
                        else for (int j = 0; j < wo; j++) y[dst + j] = grid[at + j * s] + add;
                    }
            }
        });
    }

    /**
     * dx [n, cIn, h, w] += the image pixels of grid [≥ cIn, columns], a gradient with respect to
     * the input grid without its lead-in (the padding is dropped).
     */
    void addInput(Parallel parallel, float[] grid, float[] dx) {
        int imageRows = wp == g.w() ? 1 : g.h(), len = g.h() * g.w() / imageRows;
        boolean spill = GridRows.maySpill(len, len);
        parallel.forRange(g.cIn(), 1, (from, to) -> {
            for (int c = from; c < to; c++)
                for (int b = 0; b < g.n(); b++)
                    for (int r = 0, dst = (b * g.cIn() + c) * g.h() * g.w(), at = c * columns + b * plane; r < imageRows; r++)
                        GridRows.add(grid, at + r * wp, dx, dst + r * len, len, spill && r < imageRows - 1);
        });
    }
}
