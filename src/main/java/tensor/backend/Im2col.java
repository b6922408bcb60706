package tensor.backend;

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
        if (s == 1 && ho == g.h() && wo == g.w()) {
            im2colSameSize(g, x, xOff, col, colOff, ldCol);
            return;
        }
        for (int c = 0; c < g.cIn(); c++)
            for (int p = 0; p < g.kh(); p++)
                for (int q = 0; q < g.kw(); q++) {
                    int row = colOff + ((c * g.kh() + p) * g.kw() + q) * ldCol;
                    // Output columns j in [jLo, jHi) read inside the image; the others read padding.
                    int jLo = Math.min(wo, firstInside(q - pad, s)), jHi = Math.max(jLo, Math.min(wo, lastInside(q - pad, s, g.w()) + 1));
                    for (int i = 0; i < ho; i++) {
                        int r = i * s + p - pad, at = row + i * wo;
                        if (r < 0 || r >= g.h()) {
                            for (int j = 0; j < wo; j++) col[at + j] = 0f;
                            continue;
                        }
                        int src = xOff + (c * g.h() + r) * g.w() + q - pad;   // x column j·s + q − pad
                        for (int j = 0; j < jLo; j++) col[at + j] = 0f;
                        if (s == 1) for (int j = jLo; j < jHi; j++) col[at + j] = x[src + j];
                        else for (int j = jLo; j < jHi; j++) col[at + j] = x[src + j * s];
                        for (int j = jHi; j < wo; j++) col[at + j] = 0f;
                    }
                }
    }

    /**
     * Stride 1 with an output as large as the input (3x3 with pad 1, ...): row (c, p, q) is the
     * plane x[c] shifted by d = (p − pad)·w + (q − pad), copied in one loop, with the positions
     * that read outside the plane zeroed and then the columns that wrapped round a row edge.
     */
    private static void im2colSameSize(ConvGeometry g, float[] x, int xOff, float[] col, int colOff, int ldCol) {
        int h = g.h(), w = g.w(), plane = h * w, pad = g.pad();
        for (int c = 0; c < g.cIn(); c++)
            for (int p = 0; p < g.kh(); p++)
                for (int q = 0; q < g.kw(); q++) {
                    int at = colOff + ((c * g.kh() + p) * g.kw() + q) * ldCol, src = xOff + c * plane;
                    int d = (p - pad) * w + q - pad, tLo = Math.min(plane, Math.max(0, -d)), tHi = Math.max(tLo, Math.min(plane, plane - d));
                    for (int t = 0; t < tLo; t++) col[at + t] = 0f;
                    for (int t = tLo; t < tHi; t++) col[at + t] = x[src + t + d];
                    for (int t = tHi; t < plane; t++) col[at + t] = 0f;
                    int jLo = Math.min(w, Math.max(0, pad - q)), jHi = Math.max(jLo, Math.min(w, w + pad - q)); // columns inside
                    for (int i = 0; i < h; i++) {
                        for (int j = 0; j < jLo; j++) col[at + i * w + j] = 0f;
                        for (int j = jHi; j < w; j++) col[at + i * w + j] = 0f;
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
                        if (s == 1) for (int j = jLo; j < jHi; j++) dx[dst + j] += col[at + j];
                        else for (int j = jLo; j < jHi; j++) dx[dst + j * s] += col[at + j];
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
