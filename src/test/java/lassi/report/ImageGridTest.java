package lassi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Tensor;

class ImageGridTest {
    @Test void valuesMapToBytesAsSaveImageWithRangeMinusHalfToHalf() {
        assertThat(ImageGrid.toByte(-0.5f)).isZero();
        assertThat(ImageGrid.toByte(-0.7f)).isZero();
        assertThat(ImageGrid.toByte(0f)).isEqualTo(128);                // 127.5 rounds half up
        assertThat(ImageGrid.toByte(0.46875f)).isEqualTo(247);          // 255 · 0.96875 = 247.03
        assertThat(ImageGrid.toByte(0.9f)).isEqualTo(255);
    }

    @Test void writesCellsRowMajorScaledUp(@TempDir Path dir) throws Exception {
        // three 2×2 images: image i is the constant (red, green, blue) = (i == 0, i == 1, i == 2) → 255
        float[] x = new float[3 * 3 * 4];
        java.util.Arrays.fill(x, -0.5f);
        for (int i = 0; i < 3; i++) for (int p = 0; p < 4; p++) x[(i * 3 + i) * 4 + p] = 0.5f;
        Path file = dir.resolve("grid.png");
        ImageGrid.write(file, Tensor.of(x, 3, 3, 2, 2), 2, 4);
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getWidth()).isEqualTo(2 * (4 + 2) + 2);
        assertThat(img.getHeight()).isEqualTo(2 * (4 + 2) + 2);
        assertThat(img.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(img.getRGB(8 + 3, 5) & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(img.getRGB(2, 8) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(img.getRGB(9, 9) & 0xFFFFFF).as("empty cell").isZero();
    }
}
