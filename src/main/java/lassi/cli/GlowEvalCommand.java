package lassi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Path;
import lassi.BadInput;
import lassi.glow.Glow;
import lassi.glow.GlowData;
import lassi.glow.GlowDirectory;
import lassi.glow.GlowEvaluator;
import tensor.Tensor;
import tensor.backend.Backend;

/** {@code lassi glow eval}: mean bits/dim of a trained Glow on images, without dequantisation noise. */
@Parameters(commandDescription = "Mean bits/dim of a trained Glow on images (no dequantisation noise), one line. "
        + "Example: lassi glow eval --model runs/glow_s16 --data data/shapes3d/3dshapes.h5 --split test")
final class GlowEvalCommand implements Command {
    @Parameter(names = "--model", required = true, description = "Glow model directory (from lassi glow train)")
    private Path model;
    @Parameter(names = "--data", required = true, description = "Images: 3dshapes HDF5 (.h5) or .npy uint8 [N, S, S, 3]")
    private Path data;
    @Parameter(names = "--split", description = "all, or for an HDF5 file with split files: train, valid or test")
    private String split = "all";
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
        Glow glow = new GlowDirectory(model).loadGlow();
        Tensor images = GlowSplitOption.read(data, split, glow.config().side());
        stdout.printf("bits/dim %.4f\t(%d images from %s, no noise, device %s)%n", GlowEvaluator.meanBitsPerDim(glow, images, batchSize),
                images.dim(0), data, backend.describe());
        return 0;
    }
}
