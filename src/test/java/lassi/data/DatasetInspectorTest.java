package lassi.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lassi.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetInspectorTest {
    @TempDir Path tmp;

    @Test void generatedShapes3dFolder() throws IOException {
        Shapes3dGenerator.generate(4, 1000, 3, tmp, Progress.NONE);
        long[] lastProgress = new long[2];
        List<String> report = DatasetInspector.inspect(tmp, (done, total) -> {
            lastProgress[0] = done;
            lastProgress[1] = total;
        });
        assertThat(report).anyMatch(l -> l.matches("format +3dshapes HDF5, Shapes3D-lite .*, seed 3"));
        assertThat(report).anyMatch(l -> l.matches("count +1000"));
        assertThat(report).anyMatch(l -> l.matches("images +1000 x 4 x 4 x 3 uint8, contiguous"));
        assertThat(report).anyMatch(l -> l.matches("factor orientation +15 values, rows per code: (\\d+ ){14}\\d+"));
        assertThat(report).anyMatch(l -> l.matches("split train +800 rows"));
        assertThat(report).anyMatch(l -> l.matches("split test +100 rows"));
        assertThat(report).anyMatch(l -> l.matches("correlated train +\\d+ rows \\(4\\d\\.\\d% of train\\)"));
        assertThat(report).anyMatch(l -> l.matches("checked +all 1000 images read"));
        assertThat(lastProgress).containsExactly(1000, 1000);
    }

    @Test void h5pyFilesInBothLayouts() {
        List<String> contiguous = DatasetInspector.inspect(Fixtures.data("shapes3d_contiguous/3dshapes.h5"), Progress.NONE);
        assertThat(contiguous).anyMatch(l -> l.matches("format +3dshapes HDF5, no generator attribute \\(the reference file\\)"));
        assertThat(contiguous).anyMatch(l -> l.matches("split valid +2 rows"));
        assertThat(contiguous).anyMatch(l -> l.matches("factor shape +4 values, rows per code: 4 4 4 3"));
        List<String> chunked = DatasetInspector.inspect(Fixtures.data("shapes3d_chunked"), Progress.NONE);
        assertThat(chunked).anyMatch(l -> l.matches("images +15 x 8 x 8 x 3 uint8, chunked \\[4, 3, 5, 2\\], deflate"));
        assertThat(chunked).anyMatch(l -> l.matches("split train +absent \\(custom_train_split.npy\\)"));
    }

    @Test void celebaFolder() {
        List<String> report = DatasetInspector.inspect(Fixtures.data("celeba"), Progress.NONE);
        assertThat(report).anyMatch(l -> l.matches("format +CelebA folder .*"));
        assertThat(report).anyMatch(l -> l.matches("split train +2 images"));
        assertThat(report).anyMatch(l -> l.matches("attribute Smiling +1 of 4 positive"));      // (r + 31) % 3 == 0: r = 2
        assertThat(report).anyMatch(l -> l.matches("checked +all 4 images are 178 x 218"));
    }

    @Test void fairFaceFolder() {
        List<String> report = DatasetInspector.inspect(Fixtures.data("fairface"), Progress.NONE);
        assertThat(report).anyMatch(l -> l.matches("count +7"));
        assertThat(report).anyMatch(l -> l.matches("split valid +1 images \\(seeded 80/20 split, seed 42\\)"));
        assertThat(report).anyMatch(l -> l.matches("split test +2 images \\(fairface_label_val.csv\\)"));
        assertThat(report).anyMatch(l -> l.matches("race Black +1 images"));
        assertThat(report).anyMatch(l -> l.matches("checked +all 7 images are 224 x 224"));
    }

    @Test void unsupportedOrMissingPaths() throws IOException {
        assertThatThrownBy(() -> DatasetInspector.inspect(tmp.resolve("nothing"), Progress.NONE)).isInstanceOf(BadInput.class)
                .hasMessage(tmp.resolve("nothing") + ": not found");
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertThatThrownBy(() -> DatasetInspector.inspect(empty, Progress.NONE)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith(empty + ": not a supported dataset");
    }
}
