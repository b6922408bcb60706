package lassi.glow;

/**
 * Glow architectures with their training defaults. T8, S16 and M32 are the scaled-down profiles of
 * §10.3 (project-defined, not from LASSI); PAPER_L3 and PAPER_L4 are the released models' sizes of
 * §3.8 (glow_3dshapes; glow_celeba_64 and glow_fairface) with the glow-pytorch recipe of §3.12
 * (batch 16, Adam 1e−4; the epoch count is ours, the reference counts 200,000 iterations), meant
 * for a GPU. All use additive coupling and LU 1×1 convolutions like the released models, and no
 * horizontal flip (a flip would turn the orientation factor θ into −θ).
 */
public enum GlowProfile {
    T8(new GlowConfig(8, 2, 2, 16, false, true), 1, 32, 1e-3),
    S16(new GlowConfig(16, 3, 4, 64, false, true), 4, 64, 5e-4),
    M32(new GlowConfig(32, 3, 8, 128, false, true), 10, 64, 2e-4),
    PAPER_L3(new GlowConfig(64, 3, 32, 512, false, true), 1, 16, 1e-4),
    PAPER_L4(new GlowConfig(64, 4, 32, 512, false, true), 1, 16, 1e-4);

    public final GlowConfig config;
    public final int epochs;
    public final int batchSize;
    public final double learningRate;

    GlowProfile(GlowConfig config, int epochs, int batchSize, double learningRate) {
        this.config = config;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
    }
}
