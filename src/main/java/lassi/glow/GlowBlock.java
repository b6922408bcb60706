package lassi.glow;

import java.util.ArrayList;
import java.util.List;
import tensor.Tensor;
import tensor.nn.Module;
import tensor.ops.Add;
import tensor.ops.AddScalar;
import tensor.ops.Chunk;
import tensor.ops.Concat;
import tensor.ops.Exp;
import tensor.ops.Mul;
import tensor.ops.Scale;
import tensor.ops.Sub;
import tensor.ops.Sum;
import tensor.random.Rng;

/**
 * One level of the multi-scale flow (§3.7): squeeze (Cin → 4Cin channels, side halved), K flow
 * steps, then
 * <ul>
 * <li>split: h_keep = channels [0, 2Cin) go on to the next block, z = channels [2Cin, 4Cin) is
 *     this level's latent, with the learned prior (μ, logSd) = ZeroConv2d(2Cin → 4Cin)(h_keep);
 * <li>last block: z = h, with prior (μ, logSd) = ZeroConv2d(4Cin → 8Cin) of an all-zero input
 *     (spatially non-constant once trained, because ZeroConv2d pads with 1).
 * </ul>
 * log_p = Σ_{c,h,w} log N(z; μ, logSd) per sample. State names: flows.{j}, prior.
 */
public final class GlowBlock extends Module {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final List<FlowStep> flows = new ArrayList<>();
    private final ZeroConv2d prior;
    private final boolean split;

    /** What one block's forward pass gives. */
    public record Output(Tensor h,          // [N, 2Cin, H/2, W/2] to the next block (split), else = z
                         Tensor logdet,     // [] or [N]
                         Tensor logP,       // [N]
                         Tensor z) {}       // [N, 2Cin, H/2, W/2] (split) or [N, 4Cin, H/2, W/2]

    public GlowBlock(int inChannels, int nFlow, int width, boolean affine, boolean lu, boolean split, Rng rng) {
        int c = 4 * inChannels;
        for (int j = 0; j < nFlow; j++) flows.add(child("flows." + j, new FlowStep(c, width, affine, lu, rng)));
        this.split = split;
        prior = child("prior", split ? new ZeroConv2d(2 * inChannels, 4 * inChannels) : new ZeroConv2d(c, 2 * c));
    }

    /** The flow part of {@link #forward}: everything but the prior and log_p. */
    record Flowed(Tensor h,                // [N, 2Cin, H/2, W/2] to the next block (split), else = z
                  Tensor logdet,           // [] or [N]
                  Tensor z) {}             // this level's latent

    public Output forward(Tensor x) {                              // x [N, Cin, H, W]
        Flowed f = flow(x);
        Tensor[] meanLogSd = Chunk.apply(prior.forward(split ? f.h() : Tensor.zeros(f.h().shape())), 2, 1);
        Tensor logP = Sum.apply(logNormal(f.z(), meanLogSd[0], meanLogSd[1]), false, 1, 2, 3);
        return new Output(f.h(), f.logdet(), logP, f.z());
    }

    /** Squeeze, the K flow steps and the split; the latent without its log-likelihood. */
    Flowed flow(Tensor x) {                                        // x [N, Cin, H, W]
        Tensor h = Squeeze.squeeze(x);
        Tensor logdet = Tensor.scalar(0f);
        for (FlowStep flow : flows) {
            FlowLayer.FlowOutput out = flow.forward(h);
            h = out.y();
            logdet = Add.apply(logdet, out.logdet());
        }
        if (!split) return new Flowed(h, logdet, h);
        Tensor[] halves = Chunk.apply(h, 2, 1);
        return new Flowed(halves[0], logdet, halves[1]);
    }

    /**
     * The inverse with given latents ("reconstruct"): the flow input is concat(h_keep, z) for a
     * split block (hKeep from the deeper block), z for the last block (hKeep null).
     */
    public Tensor reverse(Tensor hKeep, Tensor z) {
        return unflow(split ? Concat.apply(1, hKeep, z) : z);
    }

    /**
     * The inverse for sampling: z = μ + exp(logSd)·eps with the prior evaluated on hKeep (split)
     * or on zeros (last block, hKeep null), then as {@link #reverse}.
     */
    public Tensor sample(Tensor hKeep, Tensor eps) {
        Tensor[] meanLogSd = Chunk.apply(prior.forward(split ? hKeep : Tensor.zeros(eps.shape())), 2, 1);
        Tensor z = Add.apply(meanLogSd[0], Mul.apply(Exp.apply(meanLogSd[1]), eps));
        return reverse(hKeep, z);
    }

    private Tensor unflow(Tensor h) {
        for (int j = flows.size() - 1; j >= 0; j--) h = flows.get(j).reverse(h);
        return Squeeze.unsqueeze(h);
    }

    /** log N(v; μ, logSd) = −½·log(2π) − logSd − ½·(v − μ)²·exp(−2·logSd), element-wise. */
    static Tensor logNormal(Tensor v, Tensor mean, Tensor logSd) {
        Tensor diff = Sub.apply(v, mean);
        Tensor scaledSquare = Mul.apply(Mul.apply(diff, diff), Exp.apply(Scale.apply(logSd, -2f)));
        return AddScalar.apply(Sub.apply(Scale.apply(scaledSquare, -0.5f), logSd), (float) -HALF_LOG_2PI);
    }

    List<FlowStep> flows() {
        return flows;
    }
}
