package lassi.cli;

import java.io.PrintStream;
import lassi.glow.GlowTrainer;
import me.tongfei.progressbar.ProgressBar;

/** Glow training progress: a bar counting images (with images/s and the last bits/dim) on err, one line per epoch on out. */
final class GlowProgress implements GlowTrainer.Listener, AutoCloseable {
    private final PrintStream out;
    private final ProgressBar bar;

    GlowProgress(PrintStream out, PrintStream err, long totalImages, long imagesDone) {
        this.out = out;
        this.bar = ImageProgressBar.create(err, "glow", totalImages);
        bar.stepTo(imagesDone);
    }

    @Override public void initialized(double validBitsPerDim) {
        out.printf("after ActNorm init\tvalid bits/dim %.4f%n", validBitsPerDim);
    }

    @Override public void step(long step, long totalSteps, double bitsPerDim, int images) {
        bar.stepBy(images);
        bar.setExtraMessage(String.format(" bits/dim %.3f", bitsPerDim));
    }

    @Override public void epoch(int epoch, double trainBitsPerDim, double validBitsPerDim) {
        out.printf("epoch %d\ttrain bits/dim %.4f\tvalid bits/dim %.4f%n", epoch, trainBitsPerDim, validBitsPerDim);
    }

    @Override public void checkpoint(long step) {}

    @Override public void close() {
        bar.close();
    }
}
