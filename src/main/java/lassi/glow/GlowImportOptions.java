package lassi.glow;

import java.nio.file.Path;

/**
 * What {@code lassi import} reads and writes: the PyTorch state dict {@code glow} (torch.save, zip
 * format), the side S of the square images the model was trained on (not stored in the weights),
 * and the model directory {@code out} to create.
 */
public record GlowImportOptions(Path glow, int imageSize, Path out) {
    public GlowImportOptions {
        if (glow == null) throw new IllegalArgumentException("--glow FILE.pt is required");
        if (out == null) throw new IllegalArgumentException("--out DIR is required");
        if (imageSize < 2) throw new IllegalArgumentException("--image-size must be >= 2, got " + imageSize);
    }
}
