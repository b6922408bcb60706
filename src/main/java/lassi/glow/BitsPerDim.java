package lassi.glow;

import tensor.Tensor;
import tensor.ops.Add;
import tensor.ops.AddScalar;
import tensor.ops.Mean;
import tensor.ops.Scale;

/**
 * The Glow objective (§3.12): the negative log-likelihood of the discrete data in bits per
 * dimension, bpd = −(log p(z) + logdet − D·ln n_bins) / (D·ln 2), with D = 3·S² and n_bins = 32.
 * The −D·ln n_bins term accounts for the uniform dequantisation of each value over a bin of width
 * 1/n_bins.
 */
public final class BitsPerDim {
    private BitsPerDim() {}

    /** Bits/dim of one sample from its latent log-density logP and the flow's logdet. */
    public static double of(double logP, double logdet, int d) {
        return -(logP + logdet - d * Math.log(Dequantization.N_BINS)) / (d * Math.log(2));
    }

    /**
     * The training loss: the batch mean of bits/dim, differentiable. logP [N]; logdet [] or [N],
     * averaged over the batch first as the reference does (the same mean either way).
     */
    public static Tensor loss(Tensor logP, Tensor logdet, int d) {
        Tensor logLikelihood = Add.apply(logP, Mean.apply(logdet, false));
        Tensor bits = Scale.apply(AddScalar.apply(logLikelihood, (float) (-d * Math.log(Dequantization.N_BINS))), (float) (-1 / (d * Math.log(2))));
        return Mean.apply(bits, false);
    }
}
