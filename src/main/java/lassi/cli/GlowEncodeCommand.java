package lassi.cli;

import lassi.FileHash;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lassi.BadInput;
import lassi.Version;
import lassi.data.LatentCacheHeader;
import lassi.data.LatentCacheSource;
import lassi.data.Split;
import lassi.glow.Glow;
import lassi.glow.GlowDirectory;
import lassi.glow.LatentCacheEncoder;
import me.tongfei.progressbar.ProgressBar;
import tensor.backend.Backends;
import tensor.backend.Device;

/** {@code lassi glow encode}: every split of a dataset through a trained Glow into latent caches (spec §2.5). */
@Parameters(commandDescription = "Encode every split (train, valid, test) of a dataset with a trained Glow into LMDB latent "
        + "caches, record i = (z = wrap(G.latents(x_i)), full label vector). 3dshapes gives glow_3dshapes_latent_lmdb and "
        + "glow_3dshapes_latent_lmdb_correlated_orientation; CelebA glow_celeba_<S>_latent_lmdb; FairFace "
        + "glow_fairface_latent_lmdb. Example: lassi glow encode --model runs/glow_s16 --data data/shapes3d/3dshapes.h5 --out cache/")
final class GlowEncodeCommand implements Command {
    @Parameter(names = "--model", required = true, description = "Glow model directory (from lassi glow train)")
    private Path model;
    @Parameter(names = "--data", required = true, description = "Dataset: a 3dshapes .h5 file (with its split files) or a "
            + "folder holding 3dshapes.h5, a CelebA folder or a FairFace folder")
    private Path data;
    @Parameter(names = "--out", required = true, description = "Folder to write the cache folders into")
    private Path out;
    @Parameter(names = "--batch-size", description = "Images per forward pass (the reference: 128)")
    private int batchSize = 128;
    @ParametersDelegate
    private final DeviceOption device = new DeviceOption();

    /** The validated options. */
    record Options(Path model, Path data, Path out, int batchSize, Device device) {
        Options {
            if (batchSize < 1) throw new BadInput("--batch-size must be >= 1, got " + batchSize);
        }

        /** As written into every cache header. */
        Map<String, String> forHeader() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("--model", model.toString());
            m.put("--data", data.toString());
            m.put("--batch-size", String.valueOf(batchSize));
            m.put("--device", device.toString());
            m.put("device", Backends.current().describe());
            return m;
        }
    }

    @Override public String name() { return "encode"; }

    @Override public int run(PrintStream stdout, PrintStream err) throws Exception {
        Options o = new Options(model, data, out, batchSize, device.device());
        return device.run(backend -> encode(o, stdout, err));
    }

    private static int encode(Options o, PrintStream stdout, PrintStream err) throws Exception {
        GlowDirectory dir = new GlowDirectory(o.model());
        Glow glow = dir.loadGlow();
        if (!glow.actNormsInitialized())
            throw new BadInput("--model " + o.model() + ": its ActNorm layers were never initialised (a Glow that has not seen data); train it first");
        String sha256 = FileHash.sha256(dir.stateFile());
        try (LatentCacheSource source = LatentCacheSource.open(o.data(), glow.config().side())) {
            LatentCacheEncoder.requireNewCaches(source, o.out());
            long total = 0;
            for (Split s : Split.values()) total += source.split(s).size();
            stdout.printf("lassi glow encode: model %s (%s, d %d, state.npz sha256 %s), %s dataset %s (%d images), batch %d, "
                            + "device %s, version %s%n", o.model(), glow.config().describe(), glow.config().d(), sha256,
                    source.kind().toString().toLowerCase(Locale.ROOT), o.data(), total, o.batchSize(),
                    Backends.current().describe(), Version.get());
            List<Path> caches;
            try (ProgressBar bar = ImageProgressBar.create(err, "encode", total)) {
                LatentCacheEncoder encoder = new LatentCacheEncoder(glow, sha256, o.batchSize(), o.forHeader(), new LatentCacheEncoder.Listener() {
                    @Override public void encoded(int images) { bar.stepBy(images); }

                    @Override public void written(LatentCacheEncoder.Written split) { stdout.println("wrote " + split.describe()); }
                });
                caches = encoder.encode(source, o.out());
            }
            stdout.printf("done: %s%n", String.join(", ", caches.stream().map(Path::toString).toList()));
        }
        return 0;
    }
}
