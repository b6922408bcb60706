package lassi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Path;
import lassi.BadInput;
import lassi.glow.Glow;
import lassi.glow.GlowEvaluator;
import lassi.report.ImageGrid;
import tensor.Tensor;
import tensor.backend.Backend;
import tensor.ops.Concat;
import tensor.ops.Slice;

/** {@code lassi glow reconstruct}: images next to G⁻¹(G(x)), and the largest reconstruction error. */
@Parameters(commandDescription = "Encode and decode images with a trained Glow; writes a PNG (images in the top row, "
        + "reconstructions below) and prints the max error. Example: lassi glow reconstruct --model runs/glow_s16 --data data/shapes3d/3dshapes.h5 --split test --out rec.png")
final class GlowReconstructCommand implements Command {
    @ParametersDelegate
    private final GlowImagesOptions images = new GlowImagesOptions();
    @Parameter(names = "--count", description = "Number of images (the first ones of the file)")
    private int count = 8;
    @Parameter(names = "--out", required = true, description = "PNG file to write")
    private Path out;
    @ParametersDelegate
    private final DeviceOption device = new DeviceOption();

    @Override public String name() { return "reconstruct"; }

    @Override public int run(PrintStream stdout, PrintStream err) throws Exception {
        if (count < 1) throw new BadInput("--count must be >= 1, got " + count);
        return device.run(backend -> reconstruct(backend, stdout));
    }

    private int reconstruct(Backend backend, PrintStream stdout) throws Exception {
        Glow glow = images.loadGlow();
        Tensor all = images.readImages(glow.config().side());
        Tensor x = Slice.apply(all, 0, 0, Math.min(count, all.dim(0)));
        Tensor back = GlowEvaluator.reconstruct(glow, x, 64);
        double maxError = 0;
        for (int i = 0; i < x.size(); i++) maxError = Math.max(maxError, Math.abs(x.data()[i] - back.data()[i]));
        ImageGrid.write(out, Concat.apply(0, x, back), x.dim(0), 64);
        stdout.printf("wrote %s: %d images and their reconstructions, device %s; max |x - G^-1(G(x))| = %.3g%n", out, x.dim(0),
                backend.describe(), maxError);
        return 0;
    }
}
