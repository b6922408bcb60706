package tensor.nn;

import tensor.Tensor;
import tensor.random.Rng;

/**
 * torch.nn.Conv2d with a square kernel, zero padding and a bias: the cross-correlation of spec
 * Appendix B. PyTorch's default init: weight and bias ~ U(−1/√fanIn, 1/√fanIn) with
 * fanIn = inChannels·k·k, drawn from {@code rng} (weight first, row-major, then bias). Layers with
 * their own init (Glow's couplings, spec §3.5) overwrite {@link #weight()} and {@link #bias()}.
 * State names: weight, bias.
 */
public final class Conv2d extends Module {
    private final Tensor weight;   // [O, C, k, k]
    private final Tensor bias;     // [O]
    private final int stride, padding;

    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, Rng rng) {
        if (inChannels < 1 || outChannels < 1 || kernelSize < 1 || stride < 1 || padding < 0)
            throw new IllegalArgumentException("Conv2d: need channels, kernel size and stride >= 1 and padding >= 0, got in "
                    + inChannels + ", out " + outChannels + ", kernel " + kernelSize + ", stride " + stride + ", padding " + padding);
        float bound = (float) (1 / Math.sqrt((double) inChannels * kernelSize * kernelSize));
        this.weight = parameter("weight", Tensor.uniform(rng, -bound, bound, outChannels, inChannels, kernelSize, kernelSize));
        this.bias = parameter("bias", Tensor.uniform(rng, -bound, bound, outChannels));
        this.stride = stride;
        this.padding = padding;
    }

    /** x [N, C, H, W] → [N, O, (H + 2·padding − k)/stride + 1, (W + 2·padding − k)/stride + 1]. */
    public Tensor forward(Tensor x) {
        return tensor.ops.Conv2d.apply(x, weight, bias, stride, padding);
    }

    public Tensor weight() { return weight; }

    public Tensor bias() { return bias; }
}
