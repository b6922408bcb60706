package lassi.glow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import lassi.BadInput;
import lassi.data.LatentCacheReader;
import lassi.data.Split;
import tensor.Tensor;
import tensor.io.AtomicFile;
import tensor.io.NpyArray;
import tensor.io.Npz;
import tensor.optim.Adam;
import tensor.random.Rng;

/**
 * A Glow model directory: {@code glow.json} (the header: format version, architecture, the
 * training options, data, device, code version, steps done) and {@code state.npz} (the model
 * state under "model.&lt;reference name&gt;", the Adam state under "adam.&lt;name&gt;…" and the step
 * count "trainer.step"). Each file is written atomically (temporary file + rename), the state
 * first, so a crash leaves the previous checkpoint readable. The random state needs no storing:
 * the data order and the noise of every step are derived from (seed, step) (see GlowTrainer).
 * A model imported from PyTorch ({@link GlowImport}) has profile "imported", no training options,
 * data or device, no optimizer state, and names its source file and that file's SHA-256.
 */
public final class GlowDirectory {
    public static final int FORMAT_VERSION = 1;
    static final String HEADER_FILE = "glow.json", STATE_FILE = "state.npz";
    private static final String MODEL = "model.", ADAM = "adam.", STEP = "trainer.step";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What the header says; {@code step} is the number of optimizer steps behind the saved state;
     * {@code importedFrom} is null for a model trained here.
     */
    public record Header(int formatVersion, GlowConfig config, String profile, GlowTrainOptions options,
                         String data, String device, String version, long step, Source importedFrom) {
        /** The header of a model trained here. */
        public Header(int formatVersion, GlowConfig config, String profile, GlowTrainOptions options,
                      String data, String device, String version, long step) {
            this(formatVersion, config, profile, options, data, device, version, step, null);
        }

        public Header withStep(long step) {
            return new Header(formatVersion, config, profile, options, data, device, version, step, importedFrom);
        }
    }

    /** The PyTorch file an imported model was read from, and its SHA-256 (lower-case hex). */
    public record Source(String file, String sha256) {}

    private final Path dir;

    public GlowDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    /** {@code state.npz}: the file whose SHA-256 names this model in the latent caches it made. */
    public Path stateFile() {
        return dir.resolve(STATE_FILE);
    }

    /**
     * Opens split {@code split} of the latent cache in {@code cacheDir} for use with this model;
     * refuses, in one line, a cache made by another model (another SHA-256 of {@link #stateFile})
     * or holding latents of another dimension. A reference cache (no header) passes with a warning.
     */
    public LatentCacheReader openCache(Path cacheDir, Split split) throws IOException {
        int d = header().config().d();
        LatentCacheReader cache = LatentCacheReader.open(cacheDir, split);
        try {
            cache.requireModel(stateFile());
            cache.requireDimension(d);
            return cache;
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
    }

    /** Writes the state (model, optimizer, step) and then the header with that step. */
    public void save(Header header, Glow glow, Adam adam, long step) throws IOException {
        Map<String, NpyArray> arrays = modelArrays(glow);
        adam.stateDict().forEach((name, t) -> arrays.put(ADAM + name, NpyArray.of(t)));
        arrays.put(STEP, NpyArray.ofLongs(new long[] {step}));
        write(header.withStep(step), arrays);
    }

    /** Writes a model without optimizer state (an imported one): its state, then the header. */
    public void saveModel(Header header, Glow glow) throws IOException {
        write(header, modelArrays(glow));
    }

    private static Map<String, NpyArray> modelArrays(Glow glow) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        glow.stateDict().forEach((name, t) -> arrays.put(MODEL + name, NpyArray.of(t)));
        return arrays;
    }

    private void write(Header header, Map<String, NpyArray> state) throws IOException {
        Files.createDirectories(dir);
        Npz.write(dir.resolve(STATE_FILE), state);
        AtomicFile.write(dir.resolve(HEADER_FILE), JSON.writeValueAsBytes(header));
    }

    public Header header() throws IOException {
        Path file = dir.resolve(HEADER_FILE);
        if (!Files.exists(file)) throw new BadInput(dir + " is not a Glow model directory (no " + HEADER_FILE + ")");
        Header header = JSON.readValue(file.toFile(), Header.class);
        if (header.formatVersion() != FORMAT_VERSION)
            throw new BadInput(file + ": format version " + header.formatVersion() + ", expected " + FORMAT_VERSION);
        return header;
    }

    /** The trained model, in evaluation use (its ActNorms are initialised, so they stay as loaded). */
    public Glow loadGlow() throws IOException {
        Glow glow = new Glow(header().config(), new Rng(0));           // init values are overwritten
        glow.loadStateDict(withPrefix(readState(), MODEL));
        return glow;
    }

    /** Restores model and optimizer for a resumed run; returns the steps done. */
    public long restore(Glow glow, Adam adam) throws IOException {
        Map<String, NpyArray> state = readState();
        glow.loadStateDict(withPrefix(state, MODEL));
        adam.loadStateDict(withPrefix(state, ADAM));
        NpyArray step = state.get(STEP);
        if (step == null) throw new BadInput(dir.resolve(STATE_FILE) + ": no '" + STEP + "' array");
        return step.toLongs()[0];
    }

    private Map<String, NpyArray> readState() throws IOException {
        try {
            return Npz.read(dir.resolve(STATE_FILE));
        } catch (NoSuchFileException e) {
            throw new BadInput(dir + " holds no Glow state (no " + STATE_FILE + ")");
        }
    }

    private Map<String, Tensor> withPrefix(Map<String, NpyArray> state, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        state.forEach((name, array) -> {
            if (name.startsWith(prefix)) out.put(name.substring(prefix.length()), array.toTensor());
        });
        return out;
    }
}
