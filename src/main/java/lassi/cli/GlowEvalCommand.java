package lassi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import lassi.BadInput;
import lassi.glow.Glow;
import lassi.glow.GlowEvaluator;
import tensor.Tensor;
import tensor.backend.Backend;

/** {@code lassi glow eval}: mean bits/dim of a trained Glow on images, without dequantisation noise. */
@Parameters(commandDescription = "Mean bits/dim of a trained Glow on images (no dequantisation noise), one line. "
        + "Example: lassi glow eval --model runs/glow_s16 --data data/shapes3d/3dshapes.h5 --split test")
final class GlowEvalCommand implements Command {
    @ParametersDelegate
    private final GlowImagesOptions images = new GlowImagesOptions();
    @Parameter(names = "--batch-size", description = "Images per forward pass")
    private int batchSize = 64;
    @ParametersDelegate
    private final DeviceOption device = new DeviceOption();

    @Override public String name() { return "eval"; }

    @Override public int run(PrintStream stdout, PrintStream err) throws Exception {
        if (batchSize < 1) throw new BadInput("--batch-size must be >= 1, got " + batchSize);
        return device.run(backend -> eval(backend, stdout));
    }

    private int eval(Backend backend, PrintStream stdout) throws Exception {
        Glow glow = images.loadGlow();
        Tensor x = images.readImages(glow.config().side());
        stdout.printf("bits/dim %.4f\t(%d images from %s, no noise, device %s)%n", GlowEvaluator.meanBitsPerDim(glow, x, batchSize),
                x.dim(0), images.data, backend.describe());
        return 0;
    }
}
