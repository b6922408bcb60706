package lassi.glow;

import java.util.ArrayList;
import java.util.List;
import tensor.Tensor;
import tensor.nn.Module;
import tensor.ops.Add;
import tensor.random.Rng;

/**
 * The multi-scale Glow of §3.8 (glow-pytorch variant): blocks b = 0..L−1 on Cin_b = 3·2^b
 * channels; every block but the last splits off half its channels as that level's latent z_b.
 * log p(x) = log_p_sum + logdet for the continuous (dequantised) input. State names as the
 * reference: blocks.{b}.flows.{j}.(actnorm|invconv|coupling).*, blocks.{b}.prior.*.
 */
public final class Glow extends Module {
    private final GlowConfig config;
    private final List<GlowBlock> blocks = new ArrayList<>();

    /** The forward pass: per-sample log p of the latents, the flow's logdet, and z_1..z_L. */
    public record Output(Tensor logP,       // [N], the sum of every block's log_p
                         Tensor logdet,     // [] (additive coupling) or [N] (affine)
                         List<Tensor> zs) {} // per level, [N, C_b, H_b, W_b] (the z-shapes)

    /** Random init drawn from {@code rng} in construction order (1×1 convs, coupling nets). */
    public Glow(GlowConfig config, Rng rng) {
        this.config = config;
        for (int b = 0; b < config.nBlock(); b++) {
            boolean last = b == config.nBlock() - 1;
            // The reference builds its last block without passing conv_lu, so it is LU even when
            // lu is false; kept so that state dicts map one to one.
            boolean lu = config.lu() || last;
            blocks.add(child("blocks." + b, new GlowBlock(config.blockChannels(b), config.nFlow(), config.width(),
                    config.affine(), lu, !last, rng)));
        }
    }

    public GlowConfig config() {
        return config;
    }

    public Output forward(Tensor x) {                              // x [N, 3, S, S]
        requireImages(x);
        Tensor logP = null, logdet = Tensor.scalar(0f), h = x;
        List<Tensor> zs = new ArrayList<>();
        for (GlowBlock block : blocks) {
            GlowBlock.Output out = block.forward(h);
            h = out.h();
            logP = logP == null ? out.logP() : Add.apply(logP, out.logP());
            logdet = Add.apply(logdet, out.logdet());
            zs.add(out.z());
        }
        return new Output(logP, logdet, zs);
    }

    /**
     * z_1..z_L of {@link #forward} without the priors and log p: what the latent cache stores
     * (§2.5, with {@link Latents#wrap}). Refuses a model whose ActNorms were never initialised,
     * which would otherwise initialise them from this batch.
     */
    public List<Tensor> latents(Tensor x) {                       // x [N, 3, S, S]; z_b [N, C_b, H_b, W_b]
        requireImages(x);
        if (!actNormsInitialized())
            throw new IllegalStateException("latents of a Glow whose ActNorm layers are not initialised (it has never seen data)");
        Tensor h = x;
        List<Tensor> zs = new ArrayList<>();
        for (GlowBlock block : blocks) {
            GlowBlock.Flowed out = block.flow(h);
            h = out.h();
            zs.add(out.z());
        }
        return zs;
    }

    /** Whether every ActNorm has had its data-dependent init (true for any trained or loaded-after-training model). */
    public boolean actNormsInitialized() {
        return actNorms().stream().allMatch(ActNorm::isInitialized);
    }

    /**
     * The inverse, from the deepest level up. With {@code reconstruct}, {@code zs} are the
     * latents themselves and the result is the exact inverse of {@link #forward}; otherwise they
     * are noise eps_b and each level's latent is μ + exp(logSd)·eps_b under its prior (sampling).
     */
    public Tensor reverse(List<Tensor> zs, boolean reconstruct) {
        requireZShapes(zs);
        Tensor h = null;
        for (int b = blocks.size() - 1; b >= 0; b--)
            h = reconstruct ? blocks.get(b).reverse(h, zs.get(b)) : blocks.get(b).sample(h, zs.get(b));
        return h;
    }

    /** eps_b ~ N(0, T²) i.i.d. in every level's z-shape, drawn row-major from rng, level by level (§3.9). */
    public List<Tensor> sampleNoise(int n, double temperature, Rng rng) {
        List<Tensor> eps = new ArrayList<>();
        for (int[] s : config.zShapes()) {
            Tensor e = Tensor.randn(rng, n, s[0], s[1], s[2]);
            for (int i = 0; i < e.size(); i++) e.data()[i] *= (float) temperature;
            eps.add(e);
        }
        return eps;
    }

    /** Every ActNorm, block by block and step by step (for the data-dependent init). */
    List<ActNorm> actNorms() {
        List<ActNorm> out = new ArrayList<>();
        for (GlowBlock block : blocks) for (FlowStep step : block.flows()) out.add(step.actnorm());
        return out;
    }

    private void requireImages(Tensor x) {
        int s = config.side();
        if (x.rank() != 4 || x.dim(1) != GlowConfig.IMAGE_CHANNELS || x.dim(2) != s || x.dim(3) != s)
            throw new IllegalArgumentException("Glow for " + s + "x" + s + " RGB images: input shape " + x.shape() + " is not [N, 3, " + s + ", " + s + "]");
    }

    private void requireZShapes(List<Tensor> zs) {
        List<int[]> shapes = config.zShapes();
        if (zs.size() != shapes.size())
            throw new IllegalArgumentException("Glow with " + shapes.size() + " levels: got " + zs.size() + " latents");
        for (int b = 0; b < zs.size(); b++) {
            int[] s = shapes.get(b);
            Tensor z = zs.get(b);
            if (z.rank() != 4 || z.dim(1) != s[0] || z.dim(2) != s[1] || z.dim(3) != s[2] || z.dim(0) != zs.get(0).dim(0))
                throw new IllegalArgumentException("latent of level " + b + " has shape " + z.shape() + ", expected [N, " + s[0] + ", " + s[1] + ", " + s[2] + "]");
        }
    }
}
