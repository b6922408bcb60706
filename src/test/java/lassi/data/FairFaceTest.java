package lassi.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class FairFaceTest {
    @TempDir Path tmp;

    @Test void seededSplitOfTheTrainCsvAndValAsTest() {
        FairFace f = FairFace.open(Fixtures.data("fairface"));
        assertThat(f.customSplit()).isFalse();
        assertThat(f.labels(Split.TRAIN)).hasNumberOfRows(4);          // floor(0.8 · 5)
        assertThat(f.labels(Split.VALID)).hasNumberOfRows(1);
        // test = the val CSV: (0-2, White) and (10-19, Middle Eastern)
        assertThat(f.labels(Split.TEST)).isDeepEqualTo(new long[][] {{0, 6}, {2, 4}});
        // train ∪ valid = the train CSV rows: (50-59, East Asian), (30-39, Indian), (3-9, Black), (70+, Latino), (20-29, SE Asian)
        List<List<Long>> all = new java.util.ArrayList<>();
        for (Split s : List.of(Split.TRAIN, Split.VALID)) for (long[] y : f.labels(s)) all.add(List.of(y[0], y[1]));
        assertThat(all).containsExactlyInAnyOrder(List.of(6L, 1L), List.of(4L, 2L), List.of(1L, 0L), List.of(8L, 3L), List.of(3L, 5L));
        assertThat(FairFace.open(Fixtures.data("fairface")).labels(Split.VALID)).isDeepEqualTo(f.labels(Split.VALID));
    }

    @Test void customSplitFilesUseOneBasedRowIds() throws IOException {
        Path root = copy();
        Files.writeString(root.resolve("custom_train_split.txt"), "5\n1\n3\n");
        Files.writeString(root.resolve("custom_valid_split.txt"), "2\n4\n");
        FairFace f = FairFace.open(root);
        assertThat(f.customSplit()).isTrue();
        assertThat(f.labels(Split.TRAIN)).isDeepEqualTo(new long[][] {{3, 5}, {6, 1}, {1, 0}});
        assertThat(f.labels(Split.VALID)).isDeepEqualTo(new long[][] {{4, 2}, {8, 3}});
        ImageDataset valid = f.split(Split.VALID, 8);
        Tensor x = valid.batch(new int[] {0, 1});
        assertThat(x.shape().dims()).containsExactly(2, 3, 8, 8);
        assertThat(valid.labelLength()).isEqualTo(2);
        for (float v : x.data()) assertThat((v + 0.5f) * 32).isEqualTo((float) Math.round((v + 0.5f) * 32));
    }

    @Test void targets() {
        int[][] expected = {                       // age index → Age, Age_bin, Age_3
            {0, 0, 0}, {1, 0, 0}, {2, 0, 0}, {3, 0, 1}, {4, 1, 1}, {5, 1, 2}, {6, 1, 2}, {7, 1, 2}, {8, 1, 2}};
        for (int[] e : expected) {
            long[] y = {e[0], 5};
            assertThat(FairFaceTarget.AGE.classOf(y)).isEqualTo(e[0]);
            assertThat(FairFaceTarget.AGE_BIN.classOf(y)).isEqualTo(e[1]);
            assertThat(FairFaceTarget.AGE_3.classOf(y)).isEqualTo(e[2]);
            assertThat(FairFaceTarget.RACE.classOf(y)).isEqualTo(5);
        }
        assertThat(FairFaceTarget.AGE.classes()).isEqualTo(9);
        assertThat(FairFaceTarget.AGE_BIN.classes()).isEqualTo(2);
        assertThat(FairFaceTarget.AGE_3.classes()).isEqualTo(3);
        assertThat(FairFaceTarget.RACE.classes()).isEqualTo(7);
    }

    @Test void onlyOneCustomSplitFile() throws IOException {
        Path root = copy();
        Files.writeString(root.resolve("custom_train_split.txt"), "1\n");
        assertThatThrownBy(() -> FairFace.open(root)).isInstanceOf(BadInput.class)
                .hasMessage(root.resolve("custom_valid_split.txt") + ": file not found (custom splits need both custom_train_split.txt"
                        + " and custom_valid_split.txt)");
    }

    @Test void badRowIdInCustomSplit() throws IOException {
        Path root = copy();
        Files.writeString(root.resolve("custom_train_split.txt"), "1\n0\n");
        Files.writeString(root.resolve("custom_valid_split.txt"), "2\n");
        assertThatThrownBy(() -> FairFace.open(root)).isInstanceOf(BadInput.class)
                .hasMessage(root.resolve("custom_train_split.txt") + ":2: row id 0, expected 1..5");
    }

    @Test void csvWithWrongColumnCountOrValues() throws IOException {
        Path root = copy();
        Path csv = root.resolve(FairFace.VAL_CSV);
        Files.writeString(csv, "file,age,gender,race,service_test\nval/1.jpg,0-2,Male,White\n");
        assertThatThrownBy(() -> FairFace.open(root)).isInstanceOf(BadInput.class)
                .hasMessage(csv + ":2: expected 5 columns (file,age,gender,race,service_test), got 4");
        Files.writeString(csv, "file,age,gender,race,service_test\nval/1.jpg,0-3,Male,White,True\n");
        assertThatThrownBy(() -> FairFace.open(root)).isInstanceOf(BadInput.class).hasMessageStartingWith(csv + ":2: age '0-3'");
        Files.writeString(csv, "file,age,race\n");
        assertThatThrownBy(() -> FairFace.open(root)).isInstanceOf(BadInput.class)
                .hasMessage(csv + ":1: expected the header file,age,gender,race,service_test");
        Files.delete(csv);
        assertThatThrownBy(() -> FairFace.open(root)).isInstanceOf(BadInput.class).hasMessageStartingWith(csv + ": file not found");
    }

    @Test void imageOfTheWrongSize() throws IOException {
        Path root = copy();
        Path photo = root.resolve("val/2.jpg");
        ImageIO.write(new BufferedImage(200, 224, BufferedImage.TYPE_INT_RGB), "jpg", photo.toFile());
        FairFace f = FairFace.open(root);
        String expected = photo + ": image is 200x224, expected 224x224 (FairFace padding 0.25)";
        assertThatThrownBy(() -> f.split(Split.TEST, 8).image(1)).isInstanceOf(BadInput.class).hasMessage(expected);
        assertThatThrownBy(() -> f.checkImages(Progress.NONE)).isInstanceOf(BadInput.class).hasMessage(expected);
    }

    private Path copy() {
        return Fixtures.copyTree(Fixtures.data("fairface"), tmp.resolve("fairface"));
    }
}
