package lassi.cli;

import static lassi.cli.CliRun.lassi;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import lassi.glow.GlowDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.backend.Backends;
import tensor.backend.Device;
import tensor.backend.OpenClDevices;
import tensor.backend.OpenClTesting;
import tensor.io.Npy;
import tensor.io.NpyArray;
import tensor.random.Rng;

class GlowCommandsTest {
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
        CliRun render = lassi("data", "shapes3d", "--size", "8", "--count", "200", "--seed", "1", "--out", data.toString());
        assertThat(render.code()).as(render.err()).isZero();
        Path h5 = data.resolve("3dshapes.h5");
        CliRun train = lassi("glow", "train", "--data", h5.toString(), "--out", model.toString(), "--profile", "T8",
                "--epochs", "1", "--batch-size", "16", "--checkpoint-every", "4", "--seed", "3");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("profile T8 (S 8, L 2, K 2, F 16, additive, LU)", "160 train / 20 valid images",
                "after ActNorm init", "epoch 1", "done: 9 steps");
        assertThat(model.resolve("glow.json")).exists();
        assertThat(model.resolve("state.npz")).exists();

        CliRun eval = lassi("glow", "eval", "--model", model.toString(), "--data", h5.toString(), "--split", "test");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).matches("bits/dim \\d+\\.\\d{4}\t\\(20 images from .*, no noise, device cpu: .*\\)\\R");

        CliRun sample = lassi("glow", "sample", "--model", model.toString(), "--count", "4", "--out", dir.resolve("s.png").toString());
        assertThat(sample.code()).as(sample.err()).isZero();
        assertThat(Files.size(dir.resolve("s.png"))).isPositive();

        CliRun rec = lassi("glow", "reconstruct", "--model", model.toString(), "--data", h5.toString(), "--out", dir.resolve("r.png").toString());
        assertThat(rec.code()).as(rec.err()).isZero();
        String error = rec.out().replaceAll("(?s).*= ([0-9.e+-]+)\\R", "$1");
        assertThat(Double.parseDouble(error)).isLessThan(1e-4);

        CliRun again = lassi("glow", "train", "--data", h5.toString(), "--out", model.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already holds a Glow; pass --resume");
    }

    @Test void trainsOnANpyArrayWithASeededHoldout(@TempDir Path dir) throws Exception {
        Path data = images(dir, 40), model = dir.resolve("glow");
        CliRun train = lassi("glow", "train", "--data", data.toString(), "--out", model.toString(), "--profile", "T8",
                "--epochs", "1", "--batch-size", "16");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("36 train / 4 valid images", "done: 1 steps");
        CliRun eval = lassi("glow", "eval", "--model", model.toString(), "--data", data.toString());
        assertThat(eval.out()).contains("(40 images from");
        CliRun split = lassi("glow", "eval", "--model", model.toString(), "--data", data.toString(), "--split", "test");
        assertThat(split.err()).contains("only a 3dshapes HDF5 file (.h5) has splits").hasLineCount(1);
    }

    /**
     * glow train --device opencl for three steps names the device in its output and in glow.json,
     * the other commands run on it too, and a resumed run on the cpu adds itself to glow.json.
     * Without an OpenCL device: one error line, then skipped (or failed under LASSI_REQUIRE_OPENCL=1).
     */
    @Test void everyGlowCommandRunsOnOpenClAndNamesTheDevice(@TempDir Path dir) throws Exception {
        Path data = images(dir, 40), model = dir.resolve("glow");
        String[] train = {"glow", "train", "--data", data.toString(), "--out", model.toString(), "--profile", "T8",
                "--epochs", "1", "--batch-size", "8", "--device", "opencl"};
        OpenClDevices.Discovery found = OpenClDevices.discover();
        if (found.devices().isEmpty()) {
            CliRun refused = lassi(train);
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).isEqualTo("lassi: error: --device opencl: " + found.whyNone() + System.lineSeparator());
            assertThat(model).doesNotExist();
            OpenClTesting.backend();                                     // skips, or fails under LASSI_REQUIRE_OPENCL=1
        }
        String opencl = "opencl: " + OpenClDevices.choose().describe();
        CliRun trained = lassi(train);
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("36 train / 4 valid images", "device " + opencl + ", version", "done: 3 steps");
        assertThat(new GlowDirectory(model).header().device()).isEqualTo(opencl);

        CliRun eval = lassi("glow", "eval", "--model", model.toString(), "--data", data.toString(), "--device", "opencl");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("no noise, device " + opencl + ")");
        CliRun sample = lassi("glow", "sample", "--model", model.toString(), "--count", "4", "--out", dir.resolve("s.png").toString(),
                "--device", "opencl");
        assertThat(sample.code()).as(sample.err()).isZero();
        assertThat(sample.out()).contains("device " + opencl);
        CliRun rec = lassi("glow", "reconstruct", "--model", model.toString(), "--data", data.toString(), "--out",
                dir.resolve("r.png").toString(), "--device", "opencl");
        assertThat(rec.code()).as(rec.err()).isZero();
        assertThat(rec.out()).contains("device " + opencl + "; max |x - G^-1(G(x))| = ");

        Path header = model.resolve("glow.json");                       // a second epoch, resumed on the cpu
        String json = Files.readString(header);
        assertThat(json).contains("\"epochs\" : 1");
        Files.writeString(header, json.replace("\"epochs\" : 1", "\"epochs\" : 2"));
        CliRun resumed = lassi("glow", "train", "--data", data.toString(), "--out", model.toString(), "--resume");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        String cpu = Backends.create(Device.CPU).describe();
        assertThat(resumed.out()).contains("--resume from step 3", "device " + cpu + ", version", "done: 7 steps");
        assertThat(new GlowDirectory(model).header().device()).isEqualTo(opencl + "; from step 4: " + cpu);
    }

    @Test void everyGlowCommandChecksTheDeviceFlag(@TempDir Path dir) {
        String none = dir.resolve("none").toString();
        List<String[]> commands = List.of(
                new String[] {"glow", "train", "--data", none, "--out", none},
                new String[] {"glow", "encode", "--model", none, "--data", none, "--out", none},
                new String[] {"glow", "sample", "--model", none, "--out", none},
                new String[] {"glow", "reconstruct", "--model", none, "--data", none, "--out", none},
                new String[] {"glow", "eval", "--model", none, "--data", none});
        for (String[] command : commands) {
            String[] gpu = Arrays.copyOf(command, command.length + 2);
            gpu[command.length] = "--device";
            gpu[command.length + 1] = "gpu";
            CliRun run = lassi(gpu);
            assertThat(run.code()).as(command[1]).isEqualTo(1);
            assertThat(run.err()).as(command[1]).isEqualTo("lassi: error: --device must be cpu or opencl, got 'gpu'" + System.lineSeparator());
            assertThat(lassi("glow", command[1], "--help").out()).as(command[1]).contains("--device", "no").contains("fallback to the cpu");
        }
    }

    @Test void badInputGivesOneLineNamingTheFlag(@TempDir Path dir) throws Exception {
        CliRun missing = lassi("glow", "eval", "--model", dir.resolve("none").toString(), "--data", "x.npy");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("lassi: error: ").contains("not a Glow model directory").hasLineCount(1);
        CliRun wrongSide = lassi("glow", "train", "--data", images(dir, 20).toString(), "--out", dir.resolve("g").toString(), "--profile", "S16");
        assertThat(wrongSide.code()).isEqualTo(1);
        assertThat(wrongSide.err()).contains("images are 8x8, the model needs 16x16").hasLineCount(1);
        CliRun badLr = lassi("glow", "train", "--data", "x.npy", "--out", dir.resolve("h").toString(), "--lr", "-1");
        assertThat(badLr.err()).contains("--lr must be > 0").hasLineCount(1);
    }
}
