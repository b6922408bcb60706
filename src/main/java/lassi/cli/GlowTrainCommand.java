package lassi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import lassi.BadInput;
import lassi.Version;
import lassi.glow.Glow;
import lassi.glow.GlowData;
import lassi.glow.GlowDirectory;
import lassi.glow.GlowProfile;
import lassi.glow.GlowTrainOptions;
import lassi.glow.GlowTrainer;
import tensor.backend.Backend;
import tensor.random.Rng;

/** {@code lassi glow train}: trains a Glow on images and writes a model directory. */
@Parameters(commandDescription = "Train a Glow on 5-bit images (bits/dim objective); writes DIR/glow.json and DIR/state.npz. "
        + "Example: lassi glow train --data data/shapes3d/3dshapes.h5 --out runs/glow_s16 --profile S16")
final class GlowTrainCommand implements Command {
    @Parameter(names = "--data", required = true, description = "Images: 3dshapes HDF5 (.h5, its train and valid splits) or .npy uint8 [N, S, S, 3] (a seeded 10% held out for validation)")
    private Path data;
    @Parameter(names = "--out", required = true, description = "Model directory to write (checkpoints go there too)")
    private Path out;
    @Parameter(names = "--profile", description = "Architecture and defaults: T8, S16 or M32 (spec §10.3), or the released models' sizes PAPER_L3 (64x64, L 3, as glow_3dshapes) and PAPER_L4 (64x64, L 4, as glow_celeba_64), K 32, width 512: for a GPU")
    private GlowProfile profile = GlowProfile.S16;
    @Parameter(names = "--epochs", description = "Epochs (default: the profile's)")
    private Integer epochs;
    @Parameter(names = "--batch-size", description = "Batch size (default: the profile's)")
    private Integer batchSize;
    @Parameter(names = "--lr", description = "Adam learning rate (default: the profile's)")
    private Double lr;
    @Parameter(names = "--warmup", description = "Linear learning-rate warm-up over this many steps (0 = off)")
    private Integer warmup;
    @Parameter(names = "--checkpoint-every", description = "Write a checkpoint every N steps (0 = only at the end)")
    private Integer checkpointEvery;
    @Parameter(names = "--seed", description = "Seed of the init, the data order, the noise and the validation split")
    private Long seed;
    @Parameter(names = "--resume", description = "Continue the run in --out from its last checkpoint, with its options")
    private boolean resume;
    @ParametersDelegate
    private final DeviceOption device = new DeviceOption();

    @Override public String name() { return "train"; }

    @Override public int run(PrintStream stdout, PrintStream err) throws Exception {
        return device.run(backend -> train(backend, stdout, err));
    }

    private int train(Backend backend, PrintStream stdout, PrintStream err) throws Exception {
        GlowDirectory dir = new GlowDirectory(out);
        GlowDirectory.Header header;
        if (resume) {
            if (epochs != null || batchSize != null || lr != null || warmup != null || checkpointEvery != null || seed != null)
                throw new BadInput("--resume continues with the options in " + out.resolve("glow.json") + "; drop --epochs, --batch-size, --lr, --warmup, --checkpoint-every and --seed");
            header = dir.header();
            if (header.importedFrom() != null)
                throw new BadInput("--resume: " + out + " holds a model imported from " + header.importedFrom().file() + ", not a training run of lassi glow train");
            if (!header.device().endsWith(backend.describe()))      // glow.json names every device the steps ran on
                header = new GlowDirectory.Header(header.formatVersion(), header.config(), header.profile(), header.options(), header.data(),
                        header.device() + "; from step " + (header.step() + 1) + ": " + backend.describe(), header.version(), header.step());
        } else {
            if (Files.exists(out.resolve("glow.json")))
                throw new BadInput("--out " + out + " already holds a Glow; pass --resume to continue it or choose another directory");
            GlowTrainOptions options = new GlowTrainOptions(
                    epochs != null ? epochs : profile.epochs, batchSize != null ? batchSize : profile.batchSize,
                    lr != null ? lr : profile.learningRate, warmup != null ? warmup : 0,
                    checkpointEvery != null ? checkpointEvery : 1000, seed != null ? seed : 0);
            header = new GlowDirectory.Header(GlowDirectory.FORMAT_VERSION, profile.config, profile.name(), options,
                    data.toString(), backend.describe(), Version.get(), 0);
        }
        GlowTrainOptions options = header.options();
        GlowData.Splits splits = GlowData.readTrainValid(data, header.config().side(), options.seed());
        stdout.printf("lassi glow train%s: profile %s (%s), %d train / %d valid images from %s, %s, device %s, version %s%n",
                resume ? " --resume from step " + header.step() : "", header.profile(), header.config().describe(),
                splits.train().dim(0), splits.valid().dim(0), data, options.describe(), backend.describe(), Version.get());
        Glow glow = new Glow(header.config(), new Rng(options.seed()));
        long perEpoch = splits.train().dim(0) / options.batchSize();
        long totalImages = (options.epochs() * perEpoch - 1) * options.batchSize();
        try (GlowProgress progress = new GlowProgress(stdout, err, totalImages, resume ? header.step() * options.batchSize() : 0)) {
            GlowTrainer trainer = new GlowTrainer(glow, options, dir, header, progress);
            GlowTrainer.Summary summary = resume ? trainer.resume(splits.train(), splits.valid()) : trainer.train(splits.train(), splits.valid());
            stdout.printf("done: %d steps; model in %s%n", summary.steps(), out);
        } catch (GlowTrainer.Diverged e) {
            err.println("lassi: error: " + e.getMessage());
            return 1;
        }
        return 0;
    }
}
