package lassi.cli;

import lassi.FileHash;
import static lassi.cli.CliRun.lassi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import lassi.BadInput;
import lassi.data.CorrelatedSubset;
import lassi.data.LatentCacheHeader;
import lassi.data.LatentCacheReader;
import lassi.data.LatentCacheSource;
import lassi.data.Progress;
import lassi.data.Shapes3dDataset;
import lassi.data.Shapes3dFile;
import lassi.data.Shapes3dGenerator;
import lassi.data.Split;
import lassi.glow.Glow;
import lassi.glow.GlowDirectory;
import lassi.glow.GlowProfile;
import lassi.glow.GlowTrainOptions;
import lassi.glow.Latents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Grad;
import tensor.Tensor;
import tensor.backend.OpenClTesting;
import tensor.optim.Adam;
import tensor.random.Rng;

/**
 * lassi glow encode on a generated Shapes3D-lite set (S = 8, 300 images: 240/30/30) with a T8 Glow
 * whose ActNorms are initialised on a batch of those images (no training step: the checks are
 * exact relations, not quality).
 */
class GlowEncodeCommandTest {
    private static final int SIDE = 8, COUNT = 300, BATCH = 64;
    @TempDir static Path tmp;
    private static Path h5, model, cache, main, correlated;
    private static CliRun encode;

    /** A T8 Glow drawn with {@code seed}; its ActNorms initialised on {@code initBatch} unless null; saved in {@code dir}. */
    static Path saveModel(Path dir, long seed, Tensor initBatch) throws IOException {
        Glow glow = new Glow(GlowProfile.T8.config, new Rng(seed));
        if (initBatch != null) {
            try (var noGrad = Grad.disabled()) {
                glow.forward(initBatch);
            }
        }
        GlowTrainOptions options = new GlowTrainOptions(1, 32, 1e-3, 0, 0, seed);
        new GlowDirectory(dir).save(new GlowDirectory.Header(GlowDirectory.FORMAT_VERSION, GlowProfile.T8.config, "T8", options,
                "test", "cpu", "test", 0), glow, new Adam(glow.namedParameters(), 1e-3), 0);
        return dir;
    }

    @BeforeAll static void encodeOnce() throws IOException {
        h5 = Shapes3dGenerator.generate(SIDE, COUNT, 5, tmp.resolve("shapes"), Progress.NONE).images();
        try (Shapes3dFile f = Shapes3dFile.open(h5)) {
            model = saveModel(tmp.resolve("glow"), 1, Shapes3dDataset.split(f, Split.TRAIN).batch(range(0, 64)));
        }
        cache = tmp.resolve("cache");
        main = cache.resolve(LatentCacheSource.SHAPES3D);
        correlated = cache.resolve(LatentCacheSource.SHAPES3D_CORRELATED);
        encode = lassi("glow", "encode", "--model", model.toString(), "--data", h5.toString(), "--out", cache.toString(),
                "--batch-size", String.valueOf(BATCH));
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }

    @Test void writesBothCachesAndOneLinePerSplit() throws IOException {
        assertThat(encode.code()).as(encode.err()).isZero();
        assertThat(encode.out()).contains("lassi glow encode: model " + model + " (S 8, L 2, K 2, F 16, additive, LU, d 192, state.npz sha256 "
                        + FileHash.sha256(model.resolve("state.npz")) + "), shapes3d dataset " + h5 + " (300 images), batch 64")
                .containsPattern("wrote glow_3dshapes_latent_lmdb/train.lmdb: 240 records, encoded in [0-9.]+ s \\(\\d+ images/s\\)")
                .containsPattern("wrote glow_3dshapes_latent_lmdb/test.lmdb: 30 records, encoded in")
                .containsPattern("wrote glow_3dshapes_latent_lmdb_correlated_orientation/train.lmdb: \\d+ records, the correlated orientation subset")
                .contains("wrote glow_3dshapes_latent_lmdb_correlated_orientation/valid.lmdb: 30 records, a copy of glow_3dshapes_latent_lmdb/valid.lmdb")
                .contains("done: " + main + ", " + correlated);
        assertThat(encode.out().lines().filter(l -> l.startsWith("wrote "))).hasSize(6);
        assertThat(encode.err()).contains("encode");
        try (Stream<Path> left = Files.list(cache)) {                      // no staging folder left behind
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    LatentCacheSource.SHAPES3D, LatentCacheSource.SHAPES3D_CORRELATED);
        }
    }

    @Test void recordIIsTheLatentAndCodesOfImageI() throws IOException {
        Glow glow = new GlowDirectory(model).loadGlow();
        try (Shapes3dFile f = Shapes3dFile.open(h5)) {
            for (Split split : Split.values()) {
                Shapes3dDataset data = Shapes3dDataset.split(f, split);
                try (LatentCacheReader reader = new GlowDirectory(model).openCache(main, split)) {
                    assertThat(reader.size()).as(split.stem()).isEqualTo(data.size());
                    LatentCacheHeader header = reader.header().orElseThrow();
                    assertThat(header.modelSha256()).isEqualTo(FileHash.sha256(model.resolve("state.npz")));
                    assertThat(header.zShapes()).containsExactly(new int[] {6, 4, 4}, new int[] {24, 2, 2});
                    assertThat(header.labelLength()).isEqualTo(6);
                    assertThat(header.options()).containsEntry("--batch-size", "64").containsEntry("--data", h5.toString());
                    for (int i = 0; i < data.size(); i++)
                        assertThat(reader.labels(i)).as("%s labels of record %d", split.stem(), i).containsExactly(data.labels(i));
                    // recomputed one image at a time; batches of 64 may sum in another order
                    for (int i : new int[] {0, 1, 29, BATCH - 1, BATCH, data.size() - 1})
                        if (i < data.size()) assertClose(split.stem() + " record " + i, reader.latent(i), latent(glow, data.image(i)), 1e-5);
                }
            }
        }
    }

    @Test void theCorrelatedTrainSplitIsTheSubsetInItsOrderAndValidTestAreCopies() throws IOException {
        try (Shapes3dFile f = Shapes3dFile.open(h5);
             LatentCacheReader all = LatentCacheReader.open(main, Split.TRAIN);
             LatentCacheReader subset = new GlowDirectory(model).openCache(correlated, Split.TRAIN)) {
            int[] train = f.splitRows(Split.TRAIN);
            int[][] codes = new int[f.count()][];
            for (int r : train) codes[r] = f.codes(r);
            int[] keptRows = CorrelatedSubset.select(train, codes);
            assertThat(subset.size()).isEqualTo(keptRows.length).isBetween(80, 150);      // about 7/15 of 240
            List<Integer> trainRows = Arrays.stream(train).boxed().toList();
            for (int j = 0; j < keptRows.length; j++) {
                long[] expected = Arrays.stream(f.codes(keptRows[j])).asLongStream().toArray();
                assertThat(subset.labels(j)).as("labels of correlated record %d", j).containsExactly(expected);
                int position = trainRows.indexOf(keptRows[j]);
                assertThat(subset.latent(j)).as("latent of correlated record %d", j).containsExactly(all.latent(position));
            }
            assertThat(subset.header().orElseThrow().options()).containsKey("subset");
        }
        for (Split split : List.of(Split.VALID, Split.TEST)) {
            for (String file : List.of(".lmdb", ".lmdb.header.json"))
                assertThat(Files.mismatch(main.resolve(split.stem() + file), correlated.resolve(split.stem() + file)))
                        .as(split.stem() + file).isEqualTo(-1L);
        }
    }

    /** Skipped without an OpenCL device, unless LASSI_REQUIRE_OPENCL=1 (CI) makes that a failure. */
    @Test void openClEncodesTheCpuLatents() {
        OpenClTesting.backend();                                            // the skip-or-fail rule
        Path out = tmp.resolve("opencl");
        CliRun run = lassi("glow", "encode", "--model", model.toString(), "--data", h5.toString(), "--out", out.toString(),
                "--batch-size", String.valueOf(BATCH), "--device", "opencl");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("device opencl: ");
        for (Split split : Split.values()) {
            try (LatentCacheReader cpu = LatentCacheReader.open(main, split);
                 LatentCacheReader cl = LatentCacheReader.open(out.resolve(LatentCacheSource.SHAPES3D), split)) {
                assertThat(cl.size()).isEqualTo(cpu.size());
                assertThat(cl.header().orElseThrow().options().get("device")).startsWith("opencl: ");
                for (int i = 0; i < cpu.size(); i++) {
                    assertThat(cl.labels(i)).containsExactly(cpu.labels(i));
                    // the same sums in another order: float32 rounding of values of order 1
                    assertClose(split.stem() + " record " + i + " (opencl vs cpu)", cl.latent(i), cpu.latent(i), 1e-4);
                }
            }
        }
    }

    @Test void inspectDescribesAndReadsTheCache() {
        CliRun inspect = lassi("data", "inspect", main.toString());
        assertThat(inspect.code()).as(inspect.err()).isZero();
        assertThat(inspect.out()).containsPattern("format +latent cache \\(LMDB, one environment file per split\\), 3 of 3 splits")
                .containsPattern("split train +" + main.resolve("train.lmdb"))
                .containsPattern("train count +240").containsPattern("valid d +192").containsPattern("test label length +6")
                .containsPattern("train model sha256 +" + FileHash.sha256(model.resolve("state.npz")))
                .containsPattern("train z-shapes +\\[\\[6, 4, 4\\], \\[24, 2, 2\\]\\]")
                .containsPattern("train options +--batch-size 64, .*; seed 0")
                .containsPattern("train y\\[5\\] +15 values \\(value:count\\) 0:\\d+ 1:\\d+")
                .containsPattern("test checked +all 30 records read, latents finite");
    }

    @Test void anotherModelIsRefused() throws IOException {
        Path other;
        try (Shapes3dFile f = Shapes3dFile.open(h5)) {
            other = saveModel(tmp.resolve("other"), 2, Shapes3dDataset.split(f, Split.TRAIN).batch(range(0, 64)));
        }
        assertThatThrownBy(() -> new GlowDirectory(other).openCache(main, Split.VALID))
                .isInstanceOf(BadInput.class)
                .hasMessage("cache " + main + " was made by model sha256 " + FileHash.sha256(model.resolve("state.npz"))
                        + ", not by " + other.resolve("state.npz") + " (sha256 " + FileHash.sha256(other.resolve("state.npz")) + ")");
    }

    @Test void badInputGivesOneLineAndWritesNothing() throws IOException {
        Path out = tmp.resolve("refused");
        CliRun noModel = lassi("glow", "encode", "--model", tmp.resolve("none").toString(), "--data", h5.toString(), "--out", out.toString());
        assertThat(noModel.code()).isEqualTo(1);
        assertThat(noModel.err()).isEqualTo("lassi: error: " + tmp.resolve("none") + " is not a Glow model directory (no glow.json)"
                + System.lineSeparator());

        Path small = Shapes3dGenerator.generate(4, 200, 6, tmp.resolve("small"), Progress.NONE).images();
        CliRun wrongSide = lassi("glow", "encode", "--model", model.toString(), "--data", small.toString(), "--out", out.toString());
        assertThat(wrongSide.code()).isEqualTo(1);
        assertThat(wrongSide.err()).isEqualTo("lassi: error: " + small + ": images are 4x4, the Glow model needs 8x8" + System.lineSeparator());

        Path untrained = saveModel(tmp.resolve("untrained"), 3, null);
        CliRun uninitialised = lassi("glow", "encode", "--model", untrained.toString(), "--data", h5.toString(), "--out", out.toString());
        assertThat(uninitialised.err()).startsWith("lassi: error: --model " + untrained + ": its ActNorm layers were never initialised")
                .hasLineCount(1);

        CliRun batch = lassi("glow", "encode", "--model", model.toString(), "--data", h5.toString(), "--out", out.toString(), "--batch-size", "0");
        assertThat(batch.err()).isEqualTo("lassi: error: --batch-size must be >= 1, got 0" + System.lineSeparator());
        assertThat(out).doesNotExist();

        CliRun again = lassi("glow", "encode", "--model", model.toString(), "--data", h5.toString(), "--out", cache.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("lassi: error: " + main + " already exists; remove it or write the caches to another folder"
                + System.lineSeparator());
    }

    private static float[] latent(Glow glow, Tensor image) {
        try (var noGrad = Grad.disabled()) {
            return Latents.wrap(glow.latents(image)).data();
        }
    }

    private static void assertClose(String what, float[] actual, float[] expected, double atol) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int j = 0; j < actual.length; j++)
            if (!(Math.abs(actual[j] - expected[j]) <= atol))
                throw new AssertionError(what + ": z[" + j + "] = " + actual[j] + ", expected " + expected[j] + " within " + atol);
    }
}
