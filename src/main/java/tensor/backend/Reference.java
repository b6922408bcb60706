package tensor.backend;

import tensor.Shape;

/**
 * The plain-Java definitions of every backend loop: one obvious loop nest each, in the summation
 * order the kernels follow. They are the specification; the fast CPU paths and the OpenCL
 * kernels are optimisations of them and are tested against them.
 */
public final class Reference {
    private Reference() {}

    /** C (+)= op(A) · op(B); see {@link Backend#gemm}. Sums over p in increasing order, in float. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, boolean accumulate) {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                float acc = 0f;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOffset + p * m + i] : a[aOffset + i * k + p];
                    float bv = transB ? b[bOffset + j * k + p] : b[bOffset + p * n + j];
                    acc += av * bv;
                }
                c[cOffset + i * n + j] = accumulate ? c[cOffset + i * n + j] + acc : acc;
            }
    }

    /** y[b,o,i,j] = bias[o] + Σ_{c,p,q} w[o,c,p,q] · x_pad[b, c, i·s + p, j·s + q] (zero padding). */
    public static void conv2dForward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        int ho = g.hOut(), wo = g.wOut();
        for (int b = 0; b < g.n(); b++)
            for (int o = 0; o < g.cOut(); o++)
                for (int i = 0; i < ho; i++)
                    for (int j = 0; j < wo; j++) {
                        float acc = bias == null ? 0f : bias[o];
                        for (int c = 0; c < g.cIn(); c++)
                            for (int p = 0; p < g.kh(); p++) {
                                int r = i * g.stride() + p - g.pad();
                                if (r < 0 || r >= g.h()) continue;
                                for (int q = 0; q < g.kw(); q++) {
                                    int s = j * g.stride() + q - g.pad();
                                    if (s < 0 || s >= g.w()) continue;
                                    acc += w[((o * g.cIn() + c) * g.kh() + p) * g.kw() + q]
                                         * x[((b * g.cIn() + c) * g.h() + r) * g.w() + s];
                                }
                            }
                        y[((b * g.cOut() + o) * ho + i) * wo + j] = acc;
                    }
    }

    /** dx[b,c,r,s] += Σ_{o,p,q : r = i·s+p−pad, s = j·s+q−pad} w[o,c,p,q] · dy[b,o,i,j]. */
    public static void conv2dBackwardInput(ConvGeometry g, float[] dy, float[] w, float[] dx) {
        int ho = g.hOut(), wo = g.wOut();
        for (int b = 0; b < g.n(); b++)
            for (int c = 0; c < g.cIn(); c++)
                for (int r = 0; r < g.h(); r++)
                    for (int s = 0; s < g.w(); s++) {
                        float acc = 0f;
                        for (int o = 0; o < g.cOut(); o++)
                            for (int p = 0; p < g.kh(); p++) {
                                int ti = r + g.pad() - p;
                                if (ti < 0 || ti % g.stride() != 0 || ti / g.stride() >= ho) continue;
                                int i = ti / g.stride();
                                for (int q = 0; q < g.kw(); q++) {
                                    int tj = s + g.pad() - q;
                                    if (tj < 0 || tj % g.stride() != 0 || tj / g.stride() >= wo) continue;
                                    int j = tj / g.stride();
                                    acc += w[((o * g.cIn() + c) * g.kh() + p) * g.kw() + q]
                                         * dy[((b * g.cOut() + o) * ho + i) * wo + j];
                                }
                            }
                        dx[((b * g.cIn() + c) * g.h() + r) * g.w() + s] += acc;
                    }
    }

    /** dw[o,c,p,q] += Σ_{b,i,j} dy[b,o,i,j] · x_pad[b,c,i·s+p,j·s+q]; dBias[o] += Σ_{b,i,j} dy[b,o,i,j]. */
    public static void conv2dBackwardWeight(ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dBias) {
        int ho = g.hOut(), wo = g.wOut();
        for (int o = 0; o < g.cOut(); o++) {
            for (int c = 0; c < g.cIn(); c++)
                for (int p = 0; p < g.kh(); p++)
                    for (int q = 0; q < g.kw(); q++) {
                        float acc = 0f;
                        for (int b = 0; b < g.n(); b++)
                            for (int i = 0; i < ho; i++) {
                                int r = i * g.stride() + p - g.pad();
                                if (r < 0 || r >= g.h()) continue;
                                for (int j = 0; j < wo; j++) {
                                    int s = j * g.stride() + q - g.pad();
                                    if (s < 0 || s >= g.w()) continue;
                                    acc += dy[((b * g.cOut() + o) * ho + i) * wo + j]
                                         * x[((b * g.cIn() + c) * g.h() + r) * g.w() + s];
                                }
                            }
                        dw[((o * g.cIn() + c) * g.kh() + p) * g.kw() + q] += acc;
                    }
            if (dBias != null) {
                float acc = 0f;
                for (int b = 0; b < g.n(); b++)
                    for (int t = 0; t < ho * wo; t++) acc += dy[(b * g.cOut() + o) * ho * wo + t];
                dBias[o] += acc;
            }
        }
    }

    public static void unary(Unary f, float p, float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) y[i] = f.apply(x[i], p);
    }

    public static void unaryBackward(Unary f, float p, float[] x, float[] y, float[] dy, float[] dx) {
        for (int i = 0; i < dx.length; i++) dx[i] += dy[i] * f.derivative(x[i], y[i], p);
    }

    public static void binary(Binary f, float[] a, Shape aShape, float[] b, Shape bShape, float[] out, Shape outShape) {
        int[] aStrides = broadcastStrides(aShape, outShape), bStrides = broadcastStrides(bShape, outShape);
        int[] dims = outShape.dims();
        for (int idx = 0; idx < out.length; idx++) {
            int rem = idx, ai = 0, bi = 0;
            for (int d = dims.length - 1; d >= 0; d--) {
                int coord = rem % dims[d];
                rem /= dims[d];
                ai += coord * aStrides[d];
                bi += coord * bStrides[d];
            }
            out[idx] = f.apply(a[ai], b[bi]);
        }
    }

    public static void sumTo(float[] x, Shape xShape, float[] out, Shape outShape) {
        int[] oStrides = broadcastStrides(outShape, xShape);
        int[] dims = xShape.dims();
        for (int idx = 0; idx < x.length; idx++) {
            int rem = idx, oi = 0;
            for (int d = dims.length - 1; d >= 0; d--) {
                int coord = rem % dims[d];
                rem /= dims[d];
                oi += coord * oStrides[d];
            }
            out[oi] += x[idx];
        }
    }

    /**
     * Strides of {@code shape} seen through broadcasting to {@code target} (rank of target):
     * 0 along axes where shape has 1 or is missing.
     */
    public static int[] broadcastStrides(Shape shape, Shape target) {
        int r = target.rank(), off = r - shape.rank();
        if (off < 0) throw new IllegalArgumentException("shape " + shape + " does not broadcast to " + target);
        int[] own = shape.strides();
        int[] s = new int[r];
        for (int d = 0; d < r; d++) {
            if (d < off) continue;
            int size = shape.dim(d - off);
            if (size == target.dim(d)) s[d] = own[d - off];
            else if (size != 1) throw new IllegalArgumentException("shape " + shape + " does not broadcast to " + target);
        }
        return s;
    }
}
