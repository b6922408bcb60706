package lassi.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test void helpAtEveryLevelPrintsThatLevelsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: lassi").contains("devices").contains("glow");
        out.reset();
        assertThat(run("glow", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: glow").contains("train");
        out.reset();
        assertThat(run("glow", "train", "-h")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: train").contains("--data");
    }

    @Test void unknownCommandIsOneErrorLineWithStatus2() {
        assertThat(run("bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("lassi: error:").doesNotContain("\n");
    }

    @Test void versionAndDevices() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("lassi ");
        out.reset();
        assertThat(run("devices")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("cpu\t");
    }
}
