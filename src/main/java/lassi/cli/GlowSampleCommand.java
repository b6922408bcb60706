package lassi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Path;
import lassi.BadInput;
import lassi.glow.Glow;
import lassi.glow.GlowDirectory;
import lassi.report.ImageGrid;
import tensor.Grad;
import tensor.Tensor;
import tensor.backend.Backend;
import tensor.random.Rng;

/** {@code lassi glow sample}: images drawn from the prior at a temperature, as a PNG grid. */
@Parameters(commandDescription = "Sample images from a trained Glow (eps ~ N(0, T²) per level) into a PNG grid. "
        + "Example: lassi glow sample --model runs/glow_s16 --temperature 0.7 --out samples.png")
final class GlowSampleCommand implements Command {
    @Parameter(names = "--model", required = true, description = "Glow model directory (from lassi glow train)")
    private Path model;
    @Parameter(names = "--temperature", description = "Temperature T of the prior noise (spec §3.9)")
    private double temperature = 0.7;
    @Parameter(names = "--count", description = "Number of samples")
    private int count = 64;
    @Parameter(names = "--seed", description = "Seed of the noise")
    private long seed = 0;
    @Parameter(names = "--out", required = true, description = "PNG file to write")
    private Path out;
    @ParametersDelegate
    private final DeviceOption device = new DeviceOption();

    @Override public String name() { return "sample"; }

    @Override public int run(PrintStream stdout, PrintStream err) throws Exception {
        if (!(temperature >= 0)) throw new BadInput("--temperature must be >= 0, got " + temperature);
        if (count < 1) throw new BadInput("--count must be >= 1, got " + count);
        return device.run(backend -> sample(backend, stdout));
    }

    private int sample(Backend backend, PrintStream stdout) throws Exception {
        Glow glow = new GlowDirectory(model).loadGlow();
        Tensor images;
        try (var scope = Grad.disabled()) {
            images = glow.reverse(glow.sampleNoise(count, temperature, new Rng(seed)), false);
        }
        ImageGrid.write(out, images, (int) Math.ceil(Math.sqrt(count)), 64);
        stdout.printf("wrote %s: %d samples at temperature %s, seed %d, device %s%n", out, count, temperature, seed, backend.describe());
        return 0;
    }
}
