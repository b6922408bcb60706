package lassi.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Tensor;

/** Reading 3dshapes HDF5 files: our own round trip and files written by h5py in both layouts. */
class Shapes3dFileTest {
    @TempDir Path tmp;

    @Test void generatedFileRoundTrips() throws Exception {
        var written = Shapes3dGenerator.generate(8, 400, 11, tmp, Progress.NONE);
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                "3dshapes.h5", "contact_sheet.png", "custom_test_split.npy", "custom_train_split.npy", "custom_valid_split.npy");
        Shapes3dSample sample = written.sample();
        try (Shapes3dFile f = Shapes3dFile.open(written.images())) {
            assertThat(f.count()).isEqualTo(400);
            assertThat(f.imageSize()).isEqualTo(8);
            assertThat(f.imageLayout()).isEqualTo("contiguous");
            assertThat(f.generator()).get().asString().startsWith("Shapes3D-lite");
            assertThat(f.attribute("seed")).contains("11");
            byte[] all = f.readImages(0, 400);
            for (int r = 0; r < 400; r++) {
                int[] codes = Shapes3dGrid.codes(sample.gridIndices()[r]);
                assertThat(f.codes(r)).containsExactly(codes);
                assertThat(f.labels(r)).containsExactly(Shapes3dGrid.labels(codes));
                byte[] expected = Shapes3dRenderer.render(codes, 8);
                for (int i = 0; i < expected.length; i++)
                    if (all[r * 192 + i] != expected[i]) throw new AssertionError("row " + r + " byte " + i + " differs from its render");
            }
            for (Split s : Split.values()) assertThat(f.splitRows(s)).isEqualTo(sample.rows(s));
        }
    }

    @Test void readsH5pyContiguousFile() {
        assertFixtureFile(Fixtures.data("shapes3d_contiguous/3dshapes.h5"), "contiguous");
    }

    @Test void readsH5pyGzipChunkedFile() {
        assertFixtureFile(Fixtures.data("shapes3d_chunked/3dshapes.h5"), "chunked [4, 3, 5, 2], deflate");
    }

    @Test void readsNumpySplitFilesOfAnyIntegerWidth() {
        try (Shapes3dFile f = Shapes3dFile.open(Fixtures.data("shapes3d_contiguous/3dshapes.h5"))) {
            assertThat(f.splitRows(Split.TRAIN)).containsExactly(3, 0, 1, 2, 4, 5, 6, 7, 8, 9, 10);   // <i8
            assertThat(f.splitRows(Split.VALID)).containsExactly(12, 11);                           // <i4
            assertThat(f.splitRows(Split.TEST)).containsExactly(13, 14);
        }
    }

    @Test void splitFileRoundTrip() throws Exception {
        Path file = tmp.resolve("s.npy");
        SplitFiles.write(file, new int[] {5, 0, 479_999});
        assertThat(SplitFiles.read(file, 480_000)).containsExactly(5, 0, 479_999);
        assertThat(tensor.io.Npy.read(file).dtype()).isEqualTo(tensor.io.NpyArray.DType.INT64);
    }

    @Test void datasetViewPreprocessesRowsOfASplit() {
        try (Shapes3dFile f = Shapes3dFile.open(Fixtures.data("shapes3d_contiguous/3dshapes.h5"))) {
            Shapes3dDataset valid = Shapes3dDataset.split(f, Split.VALID);      // rows 12, 11
            assertThat(valid.size()).isEqualTo(2);
            assertThat(valid.labelLength()).isEqualTo(6);
            assertThat(valid.labels(0)).containsExactly(12 % 10, 15 % 10, 19 % 10, 12 % 8, 0, 12);
            Tensor x = valid.batch(new int[] {1, 0});
            assertThat(x.shape().dims()).containsExactly(2, 3, 8, 8);
            for (int b = 0; b < 2; b++) {
                int n = b == 0 ? 11 : 12;
                for (int c = 0; c < 3; c++)
                    for (int y = 0; y < 8; y++)
                        for (int xx = 0; xx < 8; xx++)
                            assertThat(x.data()[((b * 3 + c) * 8 + y) * 8 + xx])
                                    .isEqualTo((Fixtures.fixturePixel(n, y, xx, c) >> 3) / 32f - 0.5f);
            }
            assertThat(valid.image(0).shape().dims()).containsExactly(1, 3, 8, 8);
        }
    }

    @Test void correlatedTrainOfAGeneratedFile() throws Exception {
        var written = Shapes3dGenerator.generate(4, 3000, 2, tmp, Progress.NONE);
        try (Shapes3dFile f = Shapes3dFile.open(written.images())) {
            Shapes3dDataset d = Shapes3dDataset.correlatedTrain(f);
            assertThat((double) d.size() / written.sample().train().length).isBetween(7 / 15.0 - 0.03, 7 / 15.0 + 0.03);
            for (int i = 0; i < d.size(); i++) {
                long[] y = d.labels(i);
                if (y[2] <= 4) assertThat(y[5]).isLessThanOrEqualTo(6);
                else assertThat(y[5]).isGreaterThanOrEqualTo(8);
            }
        }
    }

    @Test void similarSetIsRenderedOnDemand() {
        int[] codes = {1, 2, 3, 4, 1, 9};
        Tensor set = Shapes3dSimilarSet.render(codes, 8);
        assertThat(set.shape().dims()).containsExactly(15, 3, 8, 8);
        float[] one = new float[3 * 64];
        for (int o = 0; o < 15; o++) {
            int[] tuple = codes.clone();
            tuple[5] = o;
            Preprocess.fromHwcBytes(Shapes3dRenderer.render(tuple, 8), 0, 8, one, 0);
            for (int i = 0; i < one.length; i++) assertThat(set.data()[o * 192 + i]).isEqualTo(one[i]);
        }
    }

    @Test void similarSetIsReadFromAFullGridFile() throws Exception {
        // A full 480,000-row grid file of 1×1 images whose pixel encodes the grid index.
        Path file = tmp.resolve("full.h5");
        double[][] labels = new double[Shapes3dGrid.SIZE][];
        for (int i = 0; i < labels.length; i++) labels[i] = Shapes3dGrid.labels(Shapes3dGrid.codes(i));
        Shapes3dWriter.write(file, 1, labels, (row, out, offset) -> {
            out[offset] = (byte) row;
            out[offset + 1] = (byte) (row >> 8);
            out[offset + 2] = (byte) (row >> 16);
        }, java.util.Map.of(), Progress.NONE);
        int[] codes = {7, 3, 9, 6, 2, 4};
        try (Shapes3dFile f = Shapes3dFile.open(file)) {
            Tensor set = Shapes3dSimilarSet.read(f, codes);
            assertThat(set.shape().dims()).containsExactly(15, 3, 1, 1);
            int[] rows = Shapes3dGrid.similarSet(codes);
            for (int o = 0; o < 15; o++)
                for (int c = 0; c < 3; c++)
                    assertThat(set.data()[o * 3 + c]).isEqualTo(Preprocess.quantise(((rows[o] >> (8 * c)) & 0xFF) / 255f));
        }
        try (Shapes3dFile small = Shapes3dFile.open(Fixtures.data("shapes3d_contiguous/3dshapes.h5"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Shapes3dSimilarSet.read(small, codes))
                    .hasMessageContaining("not the full grid of 480000");
        }
    }

    private static void assertFixtureFile(Path path, String layout) {
        try (Shapes3dFile f = Shapes3dFile.open(path)) {
            assertThat(f.count()).isEqualTo(15);
            assertThat(f.imageSize()).isEqualTo(8);
            assertThat(f.imageLayout()).isEqualTo(layout);
            assertThat(f.generator()).isEmpty();
            for (int n = 0; n < 15; n++) assertThat(f.codes(n)).containsExactly(Fixtures.fixtureCodes(n));
            for (int[] range : new int[][] {{0, 15}, {3, 9}, {14, 15}, {5, 5}}) {       // slices across chunk borders
                byte[] rows = f.readImages(range[0], range[1]);
                for (int n = range[0]; n < range[1]; n++)
                    for (int y = 0; y < 8; y++)
                        for (int x = 0; x < 8; x++)
                            for (int c = 0; c < 3; c++)
                                assertThat(rows[(((n - range[0]) * 8 + y) * 8 + x) * 3 + c] & 0xFF)
                                        .as("%s row %d y %d x %d c %d", layout, n, y, x, c).isEqualTo(Fixtures.fixturePixel(n, y, x, c));
            }
        }
    }
}
