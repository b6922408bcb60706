package lassi.glow;

import java.util.ArrayList;
import java.util.List;

/**
 * The architecture of one Glow (§3.8): image side S, L blocks (levels), K flow steps per block,
 * coupling hidden width F, affine or additive coupling, LU-parametrised or free 1×1 convolutions.
 * Images have 3 channels and S must be divisible by 2^L.
 */
public record GlowConfig(int side, int nBlock, int nFlow, int width, boolean affine, boolean lu) {
    /** Channels of the images. */
    public static final int IMAGE_CHANNELS = 3;

    public GlowConfig {
        if (nBlock < 1) throw new IllegalArgumentException("Glow needs at least one block, got L = " + nBlock);
        if (nFlow < 1) throw new IllegalArgumentException("Glow needs at least one flow step per block, got K = " + nFlow);
        if (width < 1) throw new IllegalArgumentException("coupling width F must be >= 1, got " + width);
        if (side < 1 || side % (1 << nBlock) != 0)
            throw new IllegalArgumentException("image side S = " + side + " must be divisible by 2^L = " + (1 << nBlock));
    }

    /** Input channels of block b: Cin_b = 3·2^b. */
    public int blockChannels(int b) {
        return IMAGE_CHANNELS << b;
    }

    /**
     * Per-sample shape (C, H, W) of each level's latent, in block order: level b < L−1 is
     * (3·2^(b+1), S/2^(b+1), S/2^(b+1)); the last level is (3·2^(L+1), S/2^L, S/2^L).
     */
    public List<int[]> zShapes() {
        List<int[]> shapes = new ArrayList<>();
        for (int b = 0; b < nBlock - 1; b++) {
            int s = side >> (b + 1);
            shapes.add(new int[] {IMAGE_CHANNELS << (b + 1), s, s});
        }
        int s = side >> nBlock;
        shapes.add(new int[] {IMAGE_CHANNELS << (nBlock + 1), s, s});
        return shapes;
    }

    /** The total latent dimension d = 3·S² (the sizes of all z-shapes add up to it). */
    public int d() {
        return IMAGE_CHANNELS * side * side;
    }

    /** One line for run headers, e.g. "S 16, L 3, K 4, F 64, additive, LU". */
    public String describe() {
        return "S " + side + ", L " + nBlock + ", K " + nFlow + ", F " + width + ", " + (affine ? "affine" : "additive") + ", " + (lu ? "LU" : "free 1x1");
    }
}
