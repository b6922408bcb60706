package lassi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.io.Npy;
import tensor.io.NpyArray;
import tensor.random.Rng;

class GlowCommandsTest {
    private record Run(int code, String out, String err) {}

    private static Run lassi(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** n random 8×8 uint8 HWC images, as lassi.data writes them. */
    private static Path images(Path dir, int n) throws Exception {
        byte[] pixels = new byte[n * 8 * 8 * 3];
        Rng rng = new Rng(1);
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) rng.nextInt(256);
        Path file = dir.resolve("images.npy");
        Npy.write(file, new NpyArray(NpyArray.DType.UINT8, new int[] {n, 8, 8, 3}, pixels));
        return file;
    }

    @Test void trainEvalSampleAndReconstructOnShapes3dLite(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("shapes"), model = dir.resolve("glow");
        Run render = lassi("data", "shapes3d", "--size", "8", "--count", "200", "--seed", "1", "--out", data.toString());
        assertThat(render.code()).as(render.err()).isZero();
        Path h5 = data.resolve("3dshapes.h5");
        Run train = lassi("glow", "train", "--data", h5.toString(), "--out", model.toString(), "--profile", "T8",
                "--epochs", "1", "--batch-size", "16", "--checkpoint-every", "4", "--seed", "3");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("profile T8 (S 8, L 2, K 2, F 16, additive, LU)", "160 train / 20 valid images",
                "after ActNorm init", "epoch 1", "done: 9 steps");
        assertThat(model.resolve("glow.json")).exists();
        assertThat(model.resolve("state.npz")).exists();

        Run eval = lassi("glow", "eval", "--model", model.toString(), "--data", h5.toString(), "--split", "test");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).matches("bits/dim \\d+\\.\\d{4}\t\\(20 images from .*, no noise\\)\\R");

        Run sample = lassi("glow", "sample", "--model", model.toString(), "--count", "4", "--out", dir.resolve("s.png").toString());
        assertThat(sample.code()).as(sample.err()).isZero();
        assertThat(Files.size(dir.resolve("s.png"))).isPositive();

        Run rec = lassi("glow", "reconstruct", "--model", model.toString(), "--data", h5.toString(), "--out", dir.resolve("r.png").toString());
        assertThat(rec.code()).as(rec.err()).isZero();
        String error = rec.out().replaceAll("(?s).*= ([0-9.e+-]+)\\R", "$1");
        assertThat(Double.parseDouble(error)).isLessThan(1e-4);

        Run again = lassi("glow", "train", "--data", h5.toString(), "--out", model.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already holds a Glow; pass --resume");
    }

    @Test void trainsOnANpyArrayWithASeededHoldout(@TempDir Path dir) throws Exception {
        Path data = images(dir, 40), model = dir.resolve("glow");
        Run train = lassi("glow", "train", "--data", data.toString(), "--out", model.toString(), "--profile", "T8",
                "--epochs", "1", "--batch-size", "16");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("36 train / 4 valid images", "done: 1 steps");
        Run eval = lassi("glow", "eval", "--model", model.toString(), "--data", data.toString());
        assertThat(eval.out()).contains("(40 images from");
        Run split = lassi("glow", "eval", "--model", model.toString(), "--data", data.toString(), "--split", "test");
        assertThat(split.err()).contains("only a 3dshapes HDF5 file (.h5) has splits").hasLineCount(1);
    }

    @Test void badInputGivesOneLineNamingTheFlag(@TempDir Path dir) throws Exception {
        Run missing = lassi("glow", "eval", "--model", dir.resolve("none").toString(), "--data", "x.npy");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("lassi: error: ").contains("not a Glow model directory").hasLineCount(1);
        Run wrongSide = lassi("glow", "train", "--data", images(dir, 20).toString(), "--out", dir.resolve("g").toString(), "--profile", "S16");
        assertThat(wrongSide.code()).isEqualTo(1);
        assertThat(wrongSide.err()).contains("images are 8x8, the model needs 16x16").hasLineCount(1);
        Run badLr = lassi("glow", "train", "--data", "x.npy", "--out", dir.resolve("h").toString(), "--lr", "-1");
        assertThat(badLr.err()).contains("--lr must be > 0").hasLineCount(1);
    }
}
