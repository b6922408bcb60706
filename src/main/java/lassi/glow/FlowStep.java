package lassi.glow;

import tensor.Tensor;
import tensor.nn.Module;
import tensor.ops.Add;
import tensor.random.Rng;

/**
 * One flow step (§3.6): ActNorm → invertible 1×1 convolution → coupling; the logdets add up.
 * Reverse applies the inverses in the opposite order. State names: actnorm, invconv, coupling.
 */
public final class FlowStep extends Module implements FlowLayer {
    private final ActNorm actnorm;
    private final FlowLayer invconv;       // InvConv1x1Lu, or InvConv1x1 when lu is false
    private final AffineCoupling coupling;

    public FlowStep(int channels, int width, boolean affine, boolean lu, Rng rng) {
        actnorm = child("actnorm", new ActNorm(channels));
        invconv = lu ? child("invconv", new InvConv1x1Lu(channels, rng)) : child("invconv", new InvConv1x1(channels, rng));
        coupling = child("coupling", new AffineCoupling(channels, width, affine, rng));
    }

    @Override public FlowOutput forward(Tensor x) {                // x [N, C, H, W]
        FlowOutput a = actnorm.forward(x);
        FlowOutput b = invconv.forward(a.y());
        FlowOutput c = coupling.forward(b.y());
        return new FlowOutput(c.y(), Add.apply(Add.apply(a.logdet(), b.logdet()), c.logdet()));
    }

    @Override public Tensor reverse(Tensor y) {                    // y [N, C, H, W]
        return actnorm.reverse(invconv.reverse(coupling.reverse(y)));
    }

    ActNorm actnorm() {
        return actnorm;
    }
}
