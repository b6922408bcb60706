package lassi.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import lassi.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Tensor;

class CelebaTest {
    @TempDir Path tmp;

    @Test void readsLabelsAndPartitions() {
        Celeba c = Celeba.open(Fixtures.data("celeba"));
        assertThat(c.count()).isEqualTo(4);
        assertThat(List.of(c.partition(0), c.partition(1), c.partition(2), c.partition(3)))
                .containsExactly(Split.TRAIN, Split.TRAIN, Split.VALID, Split.TEST);
        for (int r = 0; r < 4; r++) {
            long[] y = c.attributes(r);
            assertThat(y).hasSize(40);
            for (int a = 0; a < 40; a++) assertThat(y[a]).isEqualTo((r + a) % 3 == 0 ? 1L : 0L);   // fixture: 1 iff (r+a)%3 == 0
        }
        assertThat(Celeba.attributeIndex("Smiling")).isEqualTo(31);
        assertThat(Celeba.attributeIndex("5_o_Clock_Shadow")).isZero();
        assertThatThrownBy(() -> Celeba.attributeIndex("Smile")).isInstanceOf(BadInput.class).hasMessageContaining("Smile");
    }

    @Test void splitsArePreprocessedPhotos() throws IOException {
        Celeba c = Celeba.open(Fixtures.data("celeba"));
        ImageDataset train = c.split(Split.TRAIN, 8);
        assertThat(train.size()).isEqualTo(2);
        assertThat(train.labelLength()).isEqualTo(40);
        assertThat(train.labels(1)).isEqualTo(c.attributes(1));
        assertThat(c.split(Split.VALID, 8).size()).isEqualTo(1);
        assertThat(c.split(Split.TEST, 8).labels(0)).isEqualTo(c.attributes(3));
        Tensor x = train.batch(new int[] {0, 1});
        assertThat(x.shape().dims()).containsExactly(2, 3, 8, 8);
        // Against PyTorch on the PIL-decoded photos (two JPEG decoders): same 5-bit level almost everywhere.
        JsonNode expected = Fixtures.json("celeba_expected.json").get("images");
        int same = 0, total = 0;
        for (int b = 0; b < 2; b++) {
            JsonNode q = expected.get(String.format("%06d.jpg", b + 1));
            for (int i = 0; i < 192; i++) {
                float v = x.data()[b * 192 + i];
                int level = Math.round((v + 0.5f) * 32);
                assertThat((v + 0.5f) * 32).isEqualTo((float) level);                    // on the 5-bit grid
                assertThat(Math.abs(level - q.get(i).asInt())).as("image %d element %d", b, i).isLessThanOrEqualTo(1);
                if (level == q.get(i).asInt()) same++;
                total++;
            }
        }
        assertThat((double) same / total).isGreaterThan(0.9);
    }

    @Test void attributeLineWithWrongColumnCount() throws IOException {
        Path root = copy();
        Path attr = root.resolve(Celeba.ATTRIBUTE_FILE);
        List<String> lines = Files.readAllLines(attr);
        lines.set(3, lines.get(3).substring(0, lines.get(3).lastIndexOf(' ')));
        Files.write(attr, lines);
        assertThatThrownBy(() -> Celeba.open(root)).isInstanceOf(BadInput.class)
                .hasMessage(attr + ":4: expected 41 columns (file name and 40 attributes), got 40");
    }

    @Test void attributeValueThatIsNotPlusMinusOne() throws IOException {
        Path root = copy();
        Path attr = root.resolve(Celeba.ATTRIBUTE_FILE);
        List<String> lines = Files.readAllLines(attr);
        lines.set(2, lines.get(2).replaceFirst(" 1 ", " 0 "));
        Files.write(attr, lines);
        assertThatThrownBy(() -> Celeba.open(root)).isInstanceOf(BadInput.class)
                .hasMessage(attr + ":3: attribute 5_o_Clock_Shadow is '0', expected -1 or 1");
    }

    @Test void wrongAttributeHeaderAndCount() throws IOException {
        Path root = copy();
        Path attr = root.resolve(Celeba.ATTRIBUTE_FILE);
        List<String> lines = Files.readAllLines(attr);
        lines.set(0, "5");
        Files.write(attr, lines);
        assertThatThrownBy(() -> Celeba.open(root)).isInstanceOf(BadInput.class)
                .hasMessage(attr + ":1: declares 5 images but lists 4");
        lines.set(1, lines.get(1).replace("Smiling", "Smile"));
        Files.write(attr, lines);
        assertThatThrownBy(() -> Celeba.open(root)).isInstanceOf(BadInput.class).hasMessageStartingWith(attr + ":2: expected the 40");
    }

    @Test void missingOrMismatchedPartitionFile() throws IOException {
        Path root = copy();
        Path part = root.resolve(Celeba.PARTITION_FILE);
        Files.writeString(part, "000001.jpg 0\n000003.jpg 0\n");
        assertThatThrownBy(() -> Celeba.open(root)).isInstanceOf(BadInput.class)
                .hasMessage(part + ":2: lists '000003.jpg', expected '000002.jpg' (the same images in the same order as list_attr_celeba.txt)");
        Files.delete(part);
        assertThatThrownBy(() -> Celeba.open(root)).isInstanceOf(BadInput.class)
                .hasMessage(part + ": file not found (expected the CelebA partition list)");
    }

    @Test void imageOfTheWrongSize() throws IOException {
        Path root = copy();
        Path photo = root.resolve(Celeba.IMAGES).resolve("000002.jpg");
        ImageIO.write(new BufferedImage(100, 120, BufferedImage.TYPE_INT_RGB), "jpg", photo.toFile());
        Celeba c = Celeba.open(root);
        String expected = photo + ": image is 100x120, expected 178x218 (CelebA img_align_celeba)";
        assertThatThrownBy(() -> c.split(Split.TRAIN, 8).batch(new int[] {1})).isInstanceOf(BadInput.class).hasMessage(expected);
        assertThatThrownBy(() -> c.checkImages(Progress.NONE)).isInstanceOf(BadInput.class).hasMessage(expected);
    }

    @Test void missingOrUnreadableImage() throws IOException {
        Path root = copy();
        Path photo = root.resolve(Celeba.IMAGES).resolve("000001.jpg");
        Files.writeString(photo, "not a jpeg");
        Celeba c = Celeba.open(root);
        assertThatThrownBy(() -> c.split(Split.TRAIN, 8).image(0)).isInstanceOf(BadInput.class)
                .hasMessage(photo + ": not a readable JPEG/PNG image");
        Files.delete(photo);
        assertThatThrownBy(() -> c.checkImages(Progress.NONE)).isInstanceOf(BadInput.class).hasMessage(photo + ": image not found");
    }

    private Path copy() {
        return Fixtures.copyTree(Fixtures.data("celeba"), tmp.resolve("celeba"));
    }
}
