package tensor.backend;

import java.util.Arrays;

/**
 * The patch matrix of one image and its adjoint, which turn a convolution into a gemm.
 * For image b, col[(c·kh + p)·kw + q, i·wOut + j] = x_pad[b, c, i·s + p − pad, j·s + q − pad]
 * (zero outside the image): a [cIn·kh·kw, hOut·wOut] matrix, so that y_b = W[cOut, cIn·kh·kw] · col.
 * The matrix may sit inside a wider one: row r starts at colOff + r·ldCol.
 */
final class Im2col {
    private Im2col() {}

    /** Writes the patch matrix of the image at xOff (x [cIn, h, w]) into col. */
    static void im2col(ConvGeometry g, float[] x, int xOff, float[] col, int colOff, int ldCol) {
        int ho = g.hOut(), wo = g.wOut(), s = g.stride(), pad = g.pad();
        for (int c = 0; c < g.cIn(); c++)
            for (int p = 0; p < g.kh(); p++)
                for (int q = 0; q < g.kw(); q++) {
                    int row = colOff + ((c * g.kh() + p) * g.kw() + q) * ldCol;
                    int jLo = firstInside(q - pad, s), jHi = Math.min(wo, lastInside(q - pad, s, g.w()) + 1);
                    for (int i = 0; i < ho; i++) {
                        int r = i * s + p - pad, at = row + i * wo;
                        if (r < 0 || r >= g.h() || jLo >= jHi) {
                            Arrays.fill(col, at, at + wo, 0f);
                            continue;
                        }
                        int src = xOff + (c * g.h() + r) * g.w() + q - pad;   // x column j·s + q − pad
                        Arrays.fill(col, at, at + jLo, 0f);
                        if (s == 1) System.arraycopy(x, src + jLo, col, at + jLo, jHi - jLo);
                        else for (int j = jLo; j < jHi; j++) col[at + j] = x[src + j * s];
                        Arrays.fill(col, at + jHi, at + wo, 0f);
                    }
                }
    }

    /** dx += the adjoint of {@link #im2col}: each patch entry is added back to the pixel it came from. */
    static void col2imAdd(ConvGeometry g, float[] col, int colOff, int ldCol, float[] dx, int dxOff) {
        int ho = g.hOut(), wo = g.wOut(), s = g.stride(), pad = g.pad();
        for (int c = 0; c < g.cIn(); c++)
            for (int p = 0; p < g.kh(); p++)
                for (int q = 0; q < g.kw(); q++) {
                    int row = colOff + ((c * g.kh() + p) * g.kw() + q) * ldCol;
                    int jLo = firstInside(q - pad, s), jHi = Math.min(wo, lastInside(q - pad, s, g.w()) + 1);
                    for (int i = 0; i < ho; i++) {
                        int r = i * s + p - pad, at = row + i * wo;
                        if (r < 0 || r >= g.h()) continue;
                        int dst = dxOff + (c * g.h() + r) * g.w() + q - pad;
                        for (int j = jLo; j < jHi; j++) dx[dst + j * s] += col[at + j];
                    }
                }
    }

    /** The first j ≥ 0 with j·s + shift ≥ 0. */
    private static int firstInside(int shift, int s) {
        return shift >= 0 ? 0 : (-shift + s - 1) / s;
    }

    /** The last j with j·s + shift ≤ w − 1 (may be negative). */
    private static int lastInside(int shift, int s, int w) {
        return Math.floorDiv(w - 1 - shift, s);
    }
}
