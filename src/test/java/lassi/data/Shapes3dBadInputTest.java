package lassi.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import lassi.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a 3dshapes input can be wrong gives one line naming the file and what was expected. */
class Shapes3dBadInputTest {
    @TempDir Path tmp;

    @Test void missingFile() {
        Path p = tmp.resolve("none.h5");
        assertThatThrownBy(() -> Shapes3dFile.open(p)).isInstanceOf(BadInput.class)
                .hasMessage(p + ": file not found (expected a 3dshapes HDF5 file)");
    }

    @Test void notAnHdf5File() throws IOException {
        Path p = Files.writeString(tmp.resolve("text.h5"), "images,labels\n1,2\n");
        assertThatThrownBy(() -> Shapes3dFile.open(p)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith(p + ": not a readable HDF5 file");
    }

    @Test void truncatedContiguousFile() throws IOException {
        Path full = Fixtures.data("shapes3d_contiguous/3dshapes.h5");
        long size = Files.size(full);
        for (long keep : new long[] {100, size / 2, size - 8}) {
            Path p = truncatedCopy(full, keep);
            Throwable t = catchThrowable(() -> Shapes3dFile.open(p).close());
            assertThat(t).as("truncated to %d bytes", keep).isInstanceOf(BadInput.class);
            assertThat(t.getMessage()).startsWith(p.toString()).containsAnyOf("truncated", "not a readable HDF5 file");
            assertThat(t.getMessage()).doesNotContain("\n");
        }
    }

    @Test void truncatedChunkedFile() throws IOException {
        Path full = Fixtures.data("shapes3d_chunked/3dshapes.h5");
        long size = Files.size(full);
        for (long keep : new long[] {size / 3, size * 2 / 3, size - 16}) {
            Path p = truncatedCopy(full, keep);
            Throwable t = catchThrowable(() -> {
                try (Shapes3dFile f = Shapes3dFile.open(p)) {
                    f.readImages(0, f.count());
                }
            });
            assertThat(t).as("truncated to %d bytes", keep).isInstanceOf(BadInput.class);
            assertThat(t.getMessage()).startsWith(p.toString());
        }
    }

    @Test void imagesOfTheWrongShape() throws IOException {
        Path p = tmp.resolve("wrong.h5");
        write(p, new byte[2][8][4][3], new double[2][6]);
        assertThatThrownBy(() -> Shapes3dFile.open(p)).isInstanceOf(BadInput.class)
                .hasMessage(p + ": dataset 'images' has shape [2, 8, 4, 3], expected [N, S, S, 3]");
    }

    @Test void labelsOfTheWrongShape() throws IOException {
        Path p = tmp.resolve("labels.h5");
        write(p, new byte[2][4][4][3], new double[2][5]);
        assertThatThrownBy(() -> Shapes3dFile.open(p)).isInstanceOf(BadInput.class)
                .hasMessage(p + ": dataset 'labels' has shape [2, 5], expected [2, 6] (one row of 6 factors per image)");
    }

    @Test void missingDataset() throws IOException {
        Path p = tmp.resolve("nolabels.h5");
        try (WritableHdfFile f = HdfFile.write(p)) {
            f.putDataset("images", new byte[1][4][4][3], DatasetCreationOptions.builder().unsigned().build());
        }
        assertThatThrownBy(() -> Shapes3dFile.open(p)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith(p + ": no dataset 'labels'");
    }

    @Test void imagesOfTheWrongType() throws IOException {
        Path p = tmp.resolve("float.h5");
        try (WritableHdfFile f = HdfFile.write(p)) {
            f.putDataset("images", new float[1][4][4][3]);
            f.putDataset("labels", new double[1][6]);
        }
        assertThatThrownBy(() -> Shapes3dFile.open(p)).isInstanceOf(BadInput.class)
                .hasMessage(p + ": dataset 'images' has type FloatingPoint of 4 bytes, expected little-endian uint8");
    }

    @Test void badSplitFiles() throws IOException {
        Path dir = Fixtures.copyTree(Fixtures.data("shapes3d_contiguous"), tmp.resolve("s"));
        SplitFiles.write(SplitFiles.path(dir, Split.TEST), new int[] {3, 15});
        Files.writeString(SplitFiles.path(dir, Split.VALID), "3,4,5\n");
        Files.delete(SplitFiles.path(dir, Split.TRAIN));
        Path floats = tmp.resolve("floats.npy");
        tensor.io.Npy.write(floats, tensor.io.NpyArray.ofFloats(new float[] {1, 2}, 2));
        try (Shapes3dFile f = Shapes3dFile.open(dir.resolve("3dshapes.h5"))) {
            assertThatThrownBy(() -> f.splitRows(Split.TEST)).isInstanceOf(BadInput.class)
                    .hasMessage(SplitFiles.path(dir, Split.TEST) + ": index 15 at position 1 is not a row of the images (expected 0..14)");
            assertThatThrownBy(() -> f.splitRows(Split.VALID)).isInstanceOf(BadInput.class)
                    .hasMessage(SplitFiles.path(dir, Split.VALID) + ": not a .npy file (bad magic)");
            assertThatThrownBy(() -> f.splitRows(Split.TRAIN)).isInstanceOf(BadInput.class)
                    .hasMessageStartingWith(SplitFiles.path(dir, Split.TRAIN) + ": split file not found");
            assertThatThrownBy(() -> SplitFiles.read(floats, 15)).isInstanceOf(BadInput.class)
                    .hasMessage(floats + ": expected a 1-D integer array of row indices, got <f4 of shape [2]");
        }
    }

    @Test void generatorRefusesASampleMissingAValueAndWritesNothing() throws IOException {
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> Shapes3dGenerator.generate(8, 12, 0, out, Progress.NONE)).isInstanceOf(BadInput.class)
                .hasMessageContaining("a sample of 12 images has no image with");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test void failedGenerationLeavesNoFiles() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createDirectory(out.resolve(Shapes3dGenerator.CONTACT_SHEET + ".png"));     // harmless neighbour
        Files.createDirectory(out.resolve("custom_test_split.npy"));                    // blocks the final rename
        assertThatThrownBy(() -> Shapes3dGenerator.generate(8, 300, 0, out, Progress.NONE)).isInstanceOf(IOException.class);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("contact_sheet.png.png", "custom_test_split.npy");
        }
    }

    @Test void atomicOutputsDeleteTemporariesWithoutCommit() throws IOException {
        Path target = tmp.resolve("a.bin");
        try (AtomicOutputs outs = new AtomicOutputs()) {
            Files.writeString(outs.temp(target), "half");
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    private Path truncatedCopy(Path full, long keep) throws IOException {
        Path p = tmp.resolve("truncated-" + keep + ".h5");
        Files.copy(full, p);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(keep);
        }
        return p;
    }

    private static void write(Path p, byte[][][][] images, double[][] labels) {
        try (WritableHdfFile f = HdfFile.write(p)) {
            f.putDataset("images", images, DatasetCreationOptions.builder().unsigned().build());
            f.putDataset("labels", labels);
        }
    }
}
