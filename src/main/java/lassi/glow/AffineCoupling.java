package lassi.glow;

import tensor.Tensor;
import tensor.nn.Module;
import tensor.ops.Add;
import tensor.ops.AddScalar;
import tensor.ops.Chunk;
import tensor.ops.Concat;
import tensor.ops.Conv2d;
import tensor.ops.Div;
import tensor.ops.LogSigmoid;
import tensor.ops.Mul;
import tensor.ops.Sigmoid;
import tensor.ops.Sub;
import tensor.ops.Sum;
import tensor.random.Rng;

/**
 * Coupling layer (§3.5), additive or affine. x_a = channels [0, C/2) pass unchanged and condition
 * x_b = channels [C/2, C) through NN = conv3×3 (C/2 → F, zero padding 1) – ReLU – conv1×1 (F → F) –
 * ReLU – ZeroConv2d (F → C or C/2).
 * <ul>
 * <li>additive: y_b = x_b + NN(x_a), logdet 0;
 * <li>affine: (rawS, t) = NN(x_a), s = σ(rawS + 2), y_b = (x_b + t) ⊙ s, logdet = Σ_{c,h,w} log s
 *     per sample [N] (through a stable log σ).
 * </ul>
 * DEVIATION from the Glow paper, kept as in the reference (MUST): the translation is added before
 * scaling and s = σ(· + 2) instead of exp. State names as the reference's nn.Sequential:
 * net.0 (conv3×3), net.2 (conv1×1), net.4 (ZeroConv2d).
 */
public final class AffineCoupling extends Module implements FlowLayer {
    private static final float INIT_STD = 0.05f;    // net.0 and net.2 weights ~ N(0, 0.05²), biases 0

    private final boolean affine;
    private final Tensor w0;       // [F, C/2, 3, 3]
    private final Tensor b0;       // [F]
    private final Tensor w2;       // [F, F, 1, 1]
    private final Tensor b2;       // [F]
    private final ZeroConv2d zeroConv;

    public AffineCoupling(int channels, int width, boolean affine, Rng rng) {
        if (channels % 2 != 0) throw new IllegalArgumentException("coupling needs an even channel count, got " + channels);
        this.affine = affine;
        w0 = parameter("net.0.weight", scaled(Tensor.randn(rng, width, channels / 2, 3, 3)));
        b0 = parameter("net.0.bias", Tensor.zeros(width));
        w2 = parameter("net.2.weight", scaled(Tensor.randn(rng, width, width, 1, 1)));
        b2 = parameter("net.2.bias", Tensor.zeros(width));
        zeroConv = child("net.4", new ZeroConv2d(width, affine ? channels : channels / 2));
    }

    @Override public FlowOutput forward(Tensor x) {                // x [N, C, H, W]
        Tensor[] halves = Chunk.apply(x, 2, 1);
        Tensor xA = halves[0], xB = halves[1];
        Tensor h = net(xA);
        if (!affine) return new FlowOutput(Concat.apply(1, xA, Add.apply(xB, h)), Tensor.scalar(0f));
        Tensor[] st = Chunk.apply(h, 2, 1);
        Tensor shifted = AddScalar.apply(st[0], 2f);                  // rawS + 2
        Tensor yB = Mul.apply(Add.apply(xB, st[1]), Sigmoid.apply(shifted));
        Tensor logdet = Sum.apply(LogSigmoid.apply(shifted), false, 1, 2, 3);
        return new FlowOutput(Concat.apply(1, xA, yB), logdet);
    }

    @Override public Tensor reverse(Tensor y) {                    // y [N, C, H, W]
        Tensor[] halves = Chunk.apply(y, 2, 1);
        Tensor yA = halves[0], yB = halves[1];
        Tensor h = net(yA);
        if (!affine) return Concat.apply(1, yA, Sub.apply(yB, h));
        Tensor[] st = Chunk.apply(h, 2, 1);
        Tensor s = Sigmoid.apply(AddScalar.apply(st[0], 2f));
        return Concat.apply(1, yA, Sub.apply(Div.apply(yB, s), st[1]));
    }

    /** NN(x_a): [N, C/2, H, W] → [N, C or C/2, H, W]. */
    private Tensor net(Tensor xA) {
        Tensor h = Conv2d.applyRelu(xA, w0, b0, 1, 1);
        h = Conv2d.applyRelu(h, w2, b2, 1, 0);
        return zeroConv.forward(h);
    }

    private static Tensor scaled(Tensor t) {
        for (int i = 0; i < t.size(); i++) t.data()[i] *= INIT_STD;
        return t;
    }
}
