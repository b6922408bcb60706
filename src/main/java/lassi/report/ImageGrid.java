package lassi.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import tensor.Tensor;

/**
 * A PNG grid of model images [N, 3, S, S] with values in [−0.5, 0.5]: row-major cells, each image
 * scaled up by nearest neighbour to {@code cell}×{@code cell} pixels, 2-pixel gaps. Values map to
 * 8-bit as torchvision's save_image with range (−0.5, 0.5): clamp(x + 0.5, 0, 1)·255, rounded.
 */
public final class ImageGrid {
    private static final int GAP = 2;

    private ImageGrid() {}

    public static void write(Path file, Tensor images, int columns, int cell) throws IOException {
        if (images.rank() != 4 || images.dim(1) != 3 || images.dim(2) != images.dim(3))
            throw new IllegalArgumentException("image grid needs [N, 3, S, S] images, got " + images.shape());
        int n = images.dim(0), side = images.dim(2), plane = side * side, rows = (n + columns - 1) / columns;
        BufferedImage grid = new BufferedImage(columns * (cell + GAP) + GAP, rows * (cell + GAP) + GAP, BufferedImage.TYPE_INT_RGB);
        float[] x = images.data();
        for (int i = 0; i < n; i++) {
            int x0 = GAP + (i % columns) * (cell + GAP), y0 = GAP + (i / columns) * (cell + GAP);
            for (int y = 0; y < cell; y++)
                for (int xx = 0; xx < cell; xx++) {
                    int p = (y * side / cell) * side + xx * side / cell, base = i * 3 * plane + p;
                    grid.setRGB(x0 + xx, y0 + y, toByte(x[base]) << 16 | toByte(x[base + plane]) << 8 | toByte(x[base + 2 * plane]));
                }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!ImageIO.write(grid, "png", file.toFile())) throw new IOException("no PNG writer in this JVM");
    }

    /** The 8-bit value shown for a model value: [−0.5, 0.5] → [0, 255], clamped, rounded half up. */
    public static int toByte(float x) {
        double v = Math.min(1.0, Math.max(0.0, x + 0.5));
        return (int) Math.floor(255 * v + 0.5);
    }
}
