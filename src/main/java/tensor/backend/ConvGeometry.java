package tensor.backend;

/**
 * The sizes of one 2-D convolution (cross-correlation, zero padding):
 * x [n, cIn, h, w], weight [cOut, cIn, kh, kw], y [n, cOut, hOut, wOut] with
 * hOut = (h + 2·pad − kh) / stride + 1 (likewise wOut).
 */
public record ConvGeometry(int n, int cIn, int h, int w, int cOut, int kh, int kw, int stride, int pad) {
    public ConvGeometry {
        if (n < 1 || cIn < 1 || h < 1 || w < 1 || cOut < 1 || kh < 1 || kw < 1 || stride < 1 || pad < 0)
            throw new IllegalArgumentException("invalid convolution geometry " + this);
        if (h + 2 * pad < kh || w + 2 * pad < kw)
            throw new IllegalArgumentException("kernel " + kh + "x" + kw + " larger than padded input " + (h + 2 * pad) + "x" + (w + 2 * pad));
    }

    public int hOut() { return (h + 2 * pad - kh) / stride + 1; }

    public int wOut() { return (w + 2 * pad - kw) / stride + 1; }

    public int inputSize() { return n * cIn * h * w; }

    public int weightSize() { return cOut * cIn * kh * kw; }

    public int outputSize() { return n * cOut * hOut() * wOut(); }

    /** Multiply-adds of the forward pass (each backward pass costs the same). */
    public long macs() { return (long) n * cOut * hOut() * wOut() * cIn * kh * kw; }
}
