package tensor.ops;

import tensor.Buffers;
import tensor.Shape;
import tensor.Tensor;
import tensor.backend.Backend;
import tensor.backend.Backends;
import tensor.backend.ConvGeometry;
import tensor.backend.Unary;

/**
 * 2-D cross-correlation with zero padding, as torch.nn.functional.conv2d:
 * y[b, o, i, j] = bias[o] + Σ_{c,p,q} w[o, c, p, q] · x_pad[b, c, i·stride + p, j·stride + q].
 * Backward: dx += the transposed convolution of dy with w; dw += Σ_{b,i,j} dy · x_pad;
 * dbias += Σ_{b,i,j} dy. All three loops run on the current backend. {@link #applyRelu} is the
 * convolution followed by ReLU as one op (the pair of every convolutional net): the ReLU is taken
 * in place on the fresh output, and its gradient mask comes from that output (y > 0 exactly where
 * the convolution is > 0), so the pair makes one large tensor instead of two.
 */
public final class Conv2d {
    private Conv2d() {}

    /** x [N, C, H, W], w [O, C, kh, kw], bias [O] or null → y [N, O, hOut, wOut]. */
    public static Tensor apply(Tensor x, Tensor w, Tensor bias, int stride, int pad) {
        return convolve(x, w, bias, stride, pad, false);
    }

    /** Relu.apply(Conv2d.apply(x, w, bias, stride, pad)), with one output tensor. */
    public static Tensor applyRelu(Tensor x, Tensor w, Tensor bias, int stride, int pad) {
        return convolve(x, w, bias, stride, pad, true);
    }

    private static Tensor convolve(Tensor x, Tensor w, Tensor bias, int stride, int pad, boolean relu) {
        ConvGeometry g = geometry(x, w, bias, stride, pad);
        float[] y = new float[g.outputSize()];
        Backend backend = Backends.current();
        backend.conv2dForward(g, x.data(), w.data(), bias == null ? null : bias.data(), y);
        if (relu) backend.unary(Unary.RELU, 0f, y, y);
        return Tensor.result(Shape.of(g.n(), g.cOut(), g.hOut(), g.wOut()), y, out -> {
            Backend b = Backends.current();
            float[] dy = out.grad();
            if (relu) {                                       // dy · 1[conv > 0], with conv > 0 ⇔ y > 0
                dy = Buffers.zeroed(y.length);
                b.unaryBackward(Unary.RELU, 0f, y, y, out.grad(), dy);
            }
            boolean dBias = bias != null && bias.requiresGrad();
            float[] dw = w.requiresGrad() ? w.grad() : dBias ? Buffers.zeroed(g.weightSize()) : null;   // one pass gives both; scratch when w is frozen
            b.conv2dBackward(g, x.data(), dy, w.data(), x.requiresGrad() ? x.grad() : null, dw, dBias ? bias.grad() : null);
            if (relu) Buffers.giveBack(dy);
            if (dw != null && !w.requiresGrad()) Buffers.giveBack(dw);
        }, x, w, bias);
    }

    private static ConvGeometry geometry(Tensor x, Tensor w, Tensor bias, int stride, int pad) {
        if (x.rank() != 4 || w.rank() != 4)
            throw new IllegalArgumentException("conv2d: input " + x.shape() + " and weight " + w.shape() + " must both have rank 4 ([N, C, H, W] and [O, C, kh, kw])");
        if (x.dim(1) != w.dim(1))
            throw new IllegalArgumentException("conv2d: input " + x.shape() + " and weight " + w.shape() + " disagree on channels");
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != w.dim(0)))
            throw new IllegalArgumentException("conv2d: bias " + bias.shape() + " does not match weight " + w.shape() + " (need [" + w.dim(0) + "])");
        if (stride < 1 || pad < 0)
            throw new IllegalArgumentException("conv2d: stride " + stride + " must be >= 1 and pad " + pad + " >= 0");
        if (x.dim(2) + 2 * pad < w.dim(2) || x.dim(3) + 2 * pad < w.dim(3))
            throw new IllegalArgumentException("conv2d: weight " + w.shape() + " larger than input " + x.shape() + " padded by " + pad);
        return new ConvGeometry(x.dim(0), x.dim(1), x.dim(2), x.dim(3), w.dim(0), w.dim(2), w.dim(3), stride, pad);
    }
}
