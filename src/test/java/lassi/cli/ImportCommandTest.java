package lassi.cli;

import static lassi.cli.CliRun.lassi;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Golden;
import tensor.io.Npy;
import tensor.io.NpyArray;
import tensor.random.Rng;

class ImportCommandTest {
    private static String fixture(String name) {
        return Golden.path("reference_glow", name).toString();
    }

    @Test void importedModelServesTheGlowCommands(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("glow");
        CliRun imported = lassi("import", "--glow", fixture("glow.pt"), "--image-size", "8", "--out", model.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).matches("imported .*glow\\.pt \\(sha256 [0-9a-f]{64}\\): S 8, L 2, K 2, F 8, additive, LU, \\d+ parameters; wrote .*\\R");
        assertThat(Files.readString(model.resolve("glow.json"))).contains("\"profile\" : \"imported\"", "\"sha256\"", fixture("glow.pt"));

        byte[] pixels = new byte[6 * 8 * 8 * 3];
        Rng rng = new Rng(2);
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) rng.nextInt(256);
        Path images = dir.resolve("images.npy");
        Npy.write(images, new NpyArray(NpyArray.DType.UINT8, new int[] {6, 8, 8, 3}, pixels));
        CliRun eval = lassi("glow", "eval", "--model", model.toString(), "--data", images.toString());
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).startsWith("bits/dim ");
        CliRun sample = lassi("glow", "sample", "--model", model.toString(), "--count", "4", "--out", dir.resolve("s.png").toString());
        assertThat(sample.code()).as(sample.err()).isZero();
        CliRun reconstruct = lassi("glow", "reconstruct", "--model", model.toString(), "--data", images.toString(), "--out", dir.resolve("r.png").toString());
        assertThat(reconstruct.code()).as(reconstruct.err()).isZero();

        CliRun resume = lassi("glow", "train", "--data", images.toString(), "--out", model.toString(), "--resume");
        assertThat(resume.code()).isEqualTo(1);
        assertThat(resume.err()).contains("holds a model imported from").hasLineCount(1);
        CliRun again = lassi("import", "--glow", fixture("glow.pt"), "--image-size", "8", "--out", model.toString());
        assertThat(again.err()).isEqualTo("lassi: error: --out " + model + " already holds a Glow; choose another directory\n");
    }

    @Test void dataParallelPrefixIsReported(@TempDir Path dir) {
        CliRun imported = lassi("import", "--glow", fixture("dataparallel.pt"), "--image-size", "2", "--out", dir.resolve("m").toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("DataParallel prefix 'module.' removed", "S 2, L 1, K 1, F 2, additive, LU");
    }

    @Test void badInputIsOneLineNamingTheFile(@TempDir Path dir) {
        String out = dir.resolve("m").toString();
        CliRun wrongShape = lassi("import", "--glow", fixture("wrong_shape.pt"), "--image-size", "2", "--out", out);
        assertThat(wrongShape.code()).isEqualTo(1);
        assertThat(wrongShape.err()).startsWith("lassi: error: " + fixture("wrong_shape.pt") + ": 'blocks.0.flows.0.coupling.net.2.weight' has shape [2, 2, 3, 3]")
                .contains("needs [2, 2, 1, 1]").hasLineCount(1);
        CliRun corrupt = lassi("import", "--glow", fixture("corrupt.pt"), "--image-size", "2", "--out", out);
        assertThat(corrupt.err()).startsWith("lassi: error: " + fixture("corrupt.pt") + ": corrupt or truncated zip archive").hasLineCount(1);
        CliRun side = lassi("import", "--glow", fixture("glow.pt"), "--image-size", "12", "--out", out);
        assertThat(side.code()).isZero();                           // 12 is divisible by 2^2: the side is not in the weights
        CliRun notDivisible = lassi("import", "--glow", fixture("glow.pt"), "--image-size", "10", "--out", dir.resolve("n").toString());
        assertThat(notDivisible.err()).isEqualTo("lassi: error: " + fixture("glow.pt")
                + ": --image-size 10 is not divisible by 2^L = 4 (the state has L = 2 blocks)\n");
        CliRun missingFlag = lassi("import", "--glow", fixture("glow.pt"), "--out", out);
        assertThat(missingFlag.code()).isEqualTo(2);
        assertThat(missingFlag.err()).contains("--image-size").hasLineCount(1);
        CliRun zero = lassi("import", "--glow", fixture("glow.pt"), "--image-size", "0", "--out", out);
        assertThat(zero.err()).isEqualTo("lassi: error: --image-size must be >= 2, got 0\n");
    }

    @Test void helpListsTheCommandWithItsExample() {
        CliRun help = lassi("--help");
        assertThat(help.out()).contains("import", "Example: lassi import --glow");
    }
}
