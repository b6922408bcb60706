package tensor.nn;

import tensor.Tensor;
import tensor.random.Rng;

/**
 * torch.nn.Linear: y = x · weightᵀ + bias. PyTorch's default init (spec Appendix B): weight and
 * bias ~ U(−1/√fanIn, 1/√fanIn) with fanIn = inFeatures, drawn from {@code rng} (weight first,
 * row-major, then bias). State names: weight, bias.
 */
public final class Linear extends Module {
    private final Tensor weight;   // [O, I]
    private final Tensor bias;     // [O]

    public Linear(int inFeatures, int outFeatures, Rng rng) {
        if (inFeatures < 1 || outFeatures < 1)
            throw new IllegalArgumentException("Linear: features must be >= 1, got in " + inFeatures + ", out " + outFeatures);
        float bound = (float) (1 / Math.sqrt(inFeatures));
        this.weight = parameter("weight", Tensor.uniform(rng, -bound, bound, outFeatures, inFeatures));
        this.bias = parameter("bias", Tensor.uniform(rng, -bound, bound, outFeatures));
    }

    /** x [B, I] → [B, O]. */
    public Tensor forward(Tensor x) {
        return tensor.ops.Linear.apply(x, weight, bias);
    }

    public Tensor weight() { return weight; }

    public Tensor bias() { return bias; }
}
