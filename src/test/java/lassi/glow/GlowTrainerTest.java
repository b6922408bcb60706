package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Tensor;
import tensor.random.Rng;

class GlowTrainerTest {
    private static final GlowConfig CONFIG = GlowProfile.T8.config;           // S 8, L 2, K 2, F 16
    private static final Tensor TRAIN = TestImages.shapes3dLite(new Rng(1), 192, 8);
    private static final Tensor VALID = TestImages.shapes3dLite(new Rng(2), 64, 8);

    /** Records what the trainer reports; can simulate a crash right after a given checkpoint. */
    private static final class Recorder implements GlowTrainer.Listener {
        final List<Double> stepBpd = new ArrayList<>();
        final List<Long> checkpoints = new ArrayList<>();
        long crashAfterCheckpoint = -1;

        @Override public void initialized(double validBitsPerDim) {}

        @Override public void step(long step, long totalSteps, double bitsPerDim, int images) { stepBpd.add(bitsPerDim); }

        @Override public void epoch(int epoch, double trainBitsPerDim, double validBitsPerDim) {}

        @Override public void checkpoint(long step) {
            checkpoints.add(step);
            if (step == crashAfterCheckpoint) throw new IllegalStateException("simulated crash after step " + step);
        }
    }

    private static GlowDirectory.Header header(GlowTrainOptions options) {
        return new GlowDirectory.Header(GlowDirectory.FORMAT_VERSION, CONFIG, "T8", options, "shapes3d-lite", "cpu", "test", 0);
    }

    private static GlowTrainer trainer(Path dir, GlowTrainOptions options, Recorder recorder) {
        return new GlowTrainer(new Glow(CONFIG, new Rng(options.seed())), options, new GlowDirectory(dir), header(options), recorder);
    }

    @Test void trainingLowersTheValidationBitsPerDim(@TempDir Path dir) throws IOException {
        GlowTrainOptions options = new GlowTrainOptions(3, 32, 1e-3, 0, 0, 7);     // 3 epochs of 6 batches: 17 steps
        Recorder recorder = new Recorder();
        GlowTrainer.Summary summary = trainer(dir, options, recorder).train(TRAIN, VALID);
        assertThat(summary.steps()).isEqualTo(17);
        assertThat(recorder.stepBpd).hasSize(17).allMatch(Double::isFinite);
        assertThat(summary.validBitsPerDim()).hasSize(3);
        double before = summary.initialValidBitsPerDim(), after = summary.validBitsPerDim().get(2);
        // measured: 4.973 after the ActNorm init, then 4.676, 4.439, 4.231 after each epoch
        assertThat(after).as("valid bits/dim %.4f → %.4f", before, after).isLessThan(before - 0.5);
        assertThat(summary.validBitsPerDim()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(recorder.checkpoints).containsExactly(17L);
        Glow loaded = new GlowDirectory(dir).loadGlow();
        assertThat(GlowEvaluator.meanBitsPerDim(loaded, VALID, 32)).isEqualTo(after);
        assertThat(new GlowDirectory(dir).header().step()).isEqualTo(17);
    }

    @Test void aResumedRunEndsExactlyAsTheUninterruptedOne(@TempDir Path dir) throws IOException {
        GlowTrainOptions options = new GlowTrainOptions(2, 32, 1e-3, 4, 4, 11);    // 11 steps, checkpoints at 4 and 8
        trainer(dir.resolve("whole"), options, new Recorder()).train(TRAIN, VALID);
        Recorder crashing = new Recorder();
        crashing.crashAfterCheckpoint = 4;
        assertThatThrownBy(() -> trainer(dir.resolve("parts"), options, crashing).train(TRAIN, VALID)).hasMessageContaining("simulated");
        Recorder resumed = new Recorder();
        trainer(dir.resolve("parts"), options, resumed).resume(TRAIN, VALID);
        assertThat(resumed.stepBpd).hasSize(7);
        assertThat(resumed.checkpoints).containsExactly(8L, 11L);
        Map<String, Tensor> whole = new GlowDirectory(dir.resolve("whole")).loadGlow().stateDict();
        Map<String, Tensor> parts = new GlowDirectory(dir.resolve("parts")).loadGlow().stateDict();
        assertThat(parts.keySet()).isEqualTo(whole.keySet());
        whole.forEach((name, t) -> assertThat(parts.get(name).data()).as(name).containsExactly(t.data()));
        assertThat(Files.readAllBytes(dir.resolve("parts/state.npz"))).isEqualTo(Files.readAllBytes(dir.resolve("whole/state.npz")));
    }

    @Test void aNonFiniteLossStopsTheRunAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) throws IOException {
        GlowTrainOptions options = new GlowTrainOptions(1, 32, 1e-3, 0, 2, 13);    // 5 steps, checkpoints at 2 and 4
        Recorder crashing = new Recorder();
        crashing.crashAfterCheckpoint = 2;
        assertThatThrownBy(() -> trainer(dir, options, crashing).train(TRAIN, VALID)).hasMessageContaining("simulated");
        byte[] good = Files.readAllBytes(dir.resolve("state.npz"));
        Tensor poisoned = TRAIN.copy();
        Arrays.fill(poisoned.data(), Float.NaN);
        assertThatThrownBy(() -> trainer(dir, options, new Recorder()).resume(poisoned, VALID))
                .isInstanceOf(GlowTrainer.Diverged.class)
                .hasMessageContaining("at step 3").hasMessageContaining("bits/dim is NaN")
                .hasMessageContaining("last good checkpoint (step 2)");
        assertThat(Files.readAllBytes(dir.resolve("state.npz"))).isEqualTo(good);
    }

    @Test void warmUpIsLinearOverTheGivenSteps() {
        GlowTrainOptions warm = new GlowTrainOptions(1, 16, 1e-3, 4, 0, 0);
        assertThat(warm.learningRateAt(1)).isEqualTo(2.5e-4);
        assertThat(warm.learningRateAt(4)).isEqualTo(1e-3);
        assertThat(warm.learningRateAt(9)).isEqualTo(1e-3);
        assertThat(new GlowTrainOptions(1, 16, 1e-3, 0, 0, 0).learningRateAt(1)).isEqualTo(1e-3);
    }
}
