package tensor.backend;

import tensor.Shape;

/**
 * The hot loops behind the ops. Arrays are row-major float32; every method's plain-Java
 * definition is in {@link Reference}, which the CPU and OpenCL implementations must match
 * (within float rounding). A backend is chosen once and explicitly ({@link Backends#use}); the
 * one that ran is reported by {@link #describe()}. An implementation that cannot run a loop on
 * its device throws: it never falls back silently.
 */
public interface Backend {

    Device device();

    /** One line naming the device, e.g. "cpu: 2 threads, Vector API 512-bit". */
    String describe();

    /**
     * C[m, n] = op(A)[m, k] · op(B)[k, n], or C += that when {@code accumulate}. op(A) is A
     * ([m, k] row-major at aOffset) or, when transA, Aᵀ with A stored [k, m]; likewise for B.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, boolean accumulate);

    /** y = conv(x, w) + bias (bias may be null). x [n,cIn,h,w], w [cOut,cIn,kh,kw], y [n,cOut,hOut,wOut]. */
    void conv2dForward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y);

    /** dx += ∂L/∂x given dy [n,cOut,hOut,wOut] and w. */
    void conv2dBackwardInput(ConvGeometry g, float[] dy, float[] w, float[] dx);

    /** dw += ∂L/∂w, and dBias += Σ dy over (n, h, w) when dBias is not null. */
    void conv2dBackwardWeight(ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dBias);

    /**
     * Both backward passes from one dy, as {@link #conv2dBackwardInput} (when dx is not null)
     * and {@link #conv2dBackwardWeight} (when dw is not null), which a backend may share work
     * between.
     */
    default void conv2dBackward(ConvGeometry g, float[] x, float[] dy, float[] w, float[] dx, float[] dw, float[] dBias) {
        if (dx != null) conv2dBackwardInput(g, dy, w, dx);
        if (dw != null) conv2dBackwardWeight(g, x, dy, dw, dBias);
    }

    /** y[i] = f(x[i]; p). y may be x. */
    void unary(Unary f, float p, float[] x, float[] y);

    /** dx[i] += dy[i] · f'(x[i]) with y = f(x; p). */
    void unaryBackward(Unary f, float p, float[] x, float[] y, float[] dy, float[] dx);

    /** out = f(a, b) with NumPy broadcasting; outShape = broadcast(aShape, bShape). */
    void binary(Binary f, float[] a, Shape aShape, float[] b, Shape bShape, float[] out, Shape outShape);

    /**
     * out += x summed down to outShape, where outShape broadcasts to xShape (the reverse of
     * broadcasting: sums over the axes where outShape has 1 or is missing).
     */
    void sumTo(float[] x, Shape xShape, float[] out, Shape outShape);
}
