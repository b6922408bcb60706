package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import lassi.BadInput;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Golden;

/** Every broken input to {@code lassi import} is one line that names the file and what is wrong. */
class ImportErrorsTest {
    private static Path file(String name) {
        return Golden.path("reference_glow", name);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> importing(String name, int side) {
        Path file = file(name);
        return assertThatThrownBy(() -> GlowImport.read(file, side))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith(file + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test void corruptZip() {
        importing("corrupt.pt", 2).hasMessageContaining("corrupt or truncated zip archive");
    }

    @Test void pickleWithAnUnknownGlobalIsRefusedWithoutRunningIt() {
        importing("unknown_global.pt", 2).hasMessageContaining("getcwd");
    }

    @Test void wrongShapeNamesTheKeyAndBothShapes() {
        importing("wrong_shape.pt", 2).hasMessageContaining(
                "'blocks.0.flows.0.coupling.net.2.weight' has shape [2, 2, 3, 3] in the file, but the Glow its other shapes describe "
                        + "(S 2, L 1, K 1, F 2, additive, LU) needs [2, 2, 1, 1]");
    }

    @Test void missingKeyIsNamed() {
        importing("missing_key.pt", 2).hasMessageContaining("missing keys [blocks.0.prior.scale]").hasMessageNotContaining("unexpected");
    }

    @Test void unexpectedKeyIsNamed() {
        importing("unexpected_key.pt", 2).hasMessageContaining("unexpected keys [blocks.0.flows.0.actnorm.bias]").hasMessageNotContaining("missing");
    }

    @Test void uninitialisedActNormIsNotATrainedModel() {
        importing("uninitialized.pt", 2).hasMessageContaining("'blocks.0.flows.0.actnorm.initialized' is 0");
    }

    @Test void imageSizeMustBeDivisibleBy2ToTheL() {
        importing("glow.pt", 6).hasMessageContaining("--image-size 6 is not divisible by 2^L = 4 (the state has L = 2 blocks)");
        importing("small.pt", 3).hasMessageContaining("--image-size 3 is not divisible by 2^L = 2");
    }

    @Test void aDictThatIsNoGlowStateSaysSo() {
        Path tensors = Golden.path("pt", "parameters.pt");          // {'weight': ..., 'bias': ...}
        assertThatThrownBy(() -> GlowImport.read(tensors, 8)).isInstanceOf(BadInput.class)
                .hasMessage(tensors + ": no 'blocks.{i}.…' keys, so this is not a glow-pytorch Glow state dict (keys: weight, bias)");
        Path wrapped = Golden.path("pt", "wrapped.pt");             // {'model': state_dict, 'epoch': 7, ...}
        assertThatThrownBy(() -> GlowImport.read(wrapped, 8)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith(wrapped + ": ").hasMessageContaining("not a state dict");
    }

    @Test void missingFileAndOccupiedOutput(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("none.pt");
        assertThatThrownBy(() -> GlowImport.read(none, 8)).isInstanceOf(BadInput.class).hasMessage(none + ": no such file");
        Path out = dir.resolve("model");
        GlowImport.run(new GlowImportOptions(file("small.pt"), 2, out));
        byte[] header = Files.readAllBytes(out.resolve("glow.json"));
        assertThatThrownBy(() -> GlowImport.run(new GlowImportOptions(file("small.pt"), 2, out)))
                .isInstanceOf(BadInput.class).hasMessageContaining("already holds a Glow");
        assertThat(Files.readAllBytes(out.resolve("glow.json"))).isEqualTo(header);
        assertThatThrownBy(() -> new GlowImportOptions(file("small.pt"), 0, out)).hasMessage("--image-size must be >= 2, got 0");
    }
}
