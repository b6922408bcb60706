package lassi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandsTest {
    @TempDir Path tmp;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test void shapes3dThenInspect() {
        Path out = tmp.resolve("shapes3d");
        Result gen = run("data", "shapes3d", "--size", "8", "--count", "500", "--seed", "4", "--out", out.toString());
        assertThat(gen.code()).as(gen.err()).isZero();
        assertThat(gen.out()).contains("wrote " + out.resolve("3dshapes.h5") + " (500 images 8x8, seed 4)")
                .contains("custom_train_split.npy (400 rows, train)").contains("contact_sheet.png");
        assertThat(gen.err()).contains("rendering images: 500/500 (100%)");
        Result inspect = run("data", "inspect", out.toString());
        assertThat(inspect.code()).as(inspect.err()).isZero();
        assertThat(inspect.out()).containsPattern("count +500").containsPattern("split valid +50 rows");
    }

    @Test void badFlagsAndPathsGiveOneLineAndNonZeroExit() throws Exception {
        Result size = run("data", "shapes3d", "--size", "12", "--out", tmp.toString());
        assertThat(size.code()).isEqualTo(1);
        assertThat(size.err()).isEqualTo("lassi: error: --size must divide 64 (1, 2, 4, 8, 16, 32 or 64), got 12" + System.lineSeparator());
        assertThat(Files.list(tmp)).isEmpty();
        Result count = run("data", "shapes3d", "--count", "0", "--out", tmp.toString());
        assertThat(count.err()).startsWith("lassi: error: --count must be in [1, 480000], got 0");
        Result missing = run("data", "inspect", tmp.resolve("none").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("lassi: error: " + tmp.resolve("none") + ": not found" + System.lineSeparator());
        Result noPath = run("data", "inspect");
        assertThat(noPath.err()).startsWith("lassi: error: expected exactly one PATH");
        assertThat(run("data", "shapes3d").code()).isEqualTo(2);                // --out is required
    }

    @Test void helpListsTheDataCommandsWithExamples() {
        Result help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("shapes3d").contains("lassi data shapes3d --size 16 --count 12000 --seed 0 --out data/shapes3d")
                .contains("lassi data inspect data/shapes3d");
    }
}
