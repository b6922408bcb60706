package lassi.bench;

import java.util.List;
import lassi.data.Preprocess;
import lassi.glow.BitsPerDim;
import lassi.glow.Dequantization;
import lassi.glow.Glow;
import lassi.glow.GlowConfig;
import lassi.glow.GlowProfile;
import tensor.Grad;
import tensor.Tensor;
import tensor.optim.Adam;
import tensor.random.Rng;

/**
 * glow_*: a freshly initialised Glow of a §10.3 profile on a batch of {@link #BATCH} random
 * images on the 5-bit grid (fixed seed). ActNorm is initialised on another such batch before any
 * timing, and {@link #WARMUPS_S16} or {@link #WARMUPS_M32} warm-up runs. No gflops: much of the
 * time is outside the convolutions' multiply-adds.
 * <ul>
 * <li>latents: the forward pass without gradient (log p, logdet, z_1..z_L) of one dequantised batch;
 * <li>train_step: dequantise the batch with fresh noise, forward, bits/dim loss, backward, Adam
 *     update (the step of {@code GlowTrainer}, with the profile's learning rate and no warm-up).
 * </ul>
 */
final class GlowWorkloads {
    static final int BATCH = 64;
    /**
     * Warm-up runs: a step runs hundreds of distinct loops, which the JIT compiles only after
     * enough calls; S16 steps reach their steady time after ~30, M32 steps after ~20 (measured).
     * scripts/bench_torch.py warms PyTorch up as many times.
     */
    static final int WARMUPS_S16 = 30, WARMUPS_M32 = 20;

    private GlowWorkloads() {}

    static List<Workload> all() {
        return List.of(latents("glow_s16_latents", GlowProfile.S16, WARMUPS_S16),
                trainStep("glow_s16_train_step", GlowProfile.S16, WARMUPS_S16),
                trainStep("glow_m32_train_step", GlowProfile.M32, WARMUPS_M32));
    }

    static Workload latents(String name, GlowProfile profile, int warmups) {
        return new Workload(name, Double.NaN, warmups, backend -> {
            var rng = new Rng(name.hashCode());
            Glow glow = initialized(profile.config, rng);
            Tensor x = Dequantization.dequantize(quantisedImages(rng, profile.config.side()), rng);
            return () -> {
                try (var scope = Grad.disabled()) {
                    glow.forward(x);
                }
            };
        });
    }

    static Workload trainStep(String name, GlowProfile profile, int warmups) {
        return new Workload(name, Double.NaN, warmups, backend -> {
            var rng = new Rng(name.hashCode());
            GlowConfig config = profile.config;
            Glow glow = initialized(config, rng);
            Adam adam = new Adam(glow.namedParameters(), profile.learningRate);
            Tensor images = quantisedImages(rng, config.side());
            return () -> {
                Tensor x = Dequantization.dequantize(images, rng);
                adam.zeroGrad();
                Glow.Output out = glow.forward(x);
                BitsPerDim.loss(out.logP(), out.logdet(), config.d()).backward();
                adam.step();
            };
        });
    }

    /** A random Glow whose ActNorms were initialised on a batch of its own. */
    private static Glow initialized(GlowConfig config, Rng rng) {
        Glow glow = new Glow(config, rng);
        try (var scope = Grad.disabled()) {
            glow.forward(Dequantization.dequantize(quantisedImages(rng, config.side()), rng));
        }
        return glow;
    }

    /** [BATCH, 3, side, side] values q / n_bins − 0.5 with q uniform in 0 .. n_bins − 1. */
    static Tensor quantisedImages(Rng rng, int side) {
        Tensor x = Tensor.zeros(BATCH, GlowConfig.IMAGE_CHANNELS, side, side);
        float[] v = x.data();
        for (int i = 0; i < v.length; i++) v[i] = (float) rng.nextInt(Preprocess.N_BINS) / Preprocess.N_BINS - 0.5f;
        return x;
    }
}
