package lassi.glow;

import tensor.Tensor;
import tensor.nn.Module;
import tensor.ops.Add;
import tensor.ops.Conv2d;
import tensor.ops.Exp;
import tensor.ops.Mul;
import tensor.ops.Pad;
import tensor.ops.Scale;

/**
 * Zero-initialised output convolution (§3.4): pad H and W by one pixel with the constant 1 (not 0),
 * convolve 3×3 without further padding (so H×W is kept), multiply output channel o by
 * exp(3·scale[o]). Weight, bias and scale all start at 0, so the layer starts as the zero map.
 * State names as the reference: conv.weight, conv.bias, scale.
 */
public final class ZeroConv2d extends Module {
    private final Tensor weight;   // [Cout, Cin, 3, 3]
    private final Tensor bias;     // [Cout]
    private final Tensor scale;    // [1, Cout, 1, 1]

    public ZeroConv2d(int inChannels, int outChannels) {
        weight = parameter("conv.weight", Tensor.zeros(outChannels, inChannels, 3, 3));
        bias = parameter("conv.bias", Tensor.zeros(outChannels));
        scale = parameter("scale", Tensor.zeros(1, outChannels, 1, 1));
    }

    /**
     * x [N, Cin, H, W] → [N, Cout, H, W]. The convolution is linear in its input, so that of x
     * padded with ones is computed as that of x padded with zeros plus that of an all-zero image
     * padded with ones (the same border term for every image): no padded copy of the batch.
     */
    public Tensor forward(Tensor x) {
        Tensor inside = Conv2d.apply(x, weight, bias, 1, 1);
        Tensor border = Conv2d.apply(Pad.apply(Tensor.zeros(1, x.dim(1), x.dim(2), x.dim(3)), 1, 1f), weight, null, 1, 0);
        return Mul.apply(Add.apply(inside, border), Exp.apply(Scale.apply(scale, 3f)));
    }
}
