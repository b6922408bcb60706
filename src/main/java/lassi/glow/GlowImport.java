package lassi.glow;

import lassi.FileHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import lassi.BadInput;
import lassi.Version;
import tensor.Shape;
import tensor.Tensor;
import tensor.io.PtReader;
import tensor.io.PtTensor;
import tensor.nn.StateKeys;
import tensor.random.Rng;

/**
 * Imports a Glow trained by glow-pytorch (rosinality) or LASSI — a state dict saved with
 * {@code torch.save(model.state_dict(), FILE)} — as a model directory that every later command
 * reads like one trained here ({@link GlowDirectory}).
 *
 * <p>Our state names and shapes follow the reference's one to one ({@code blocks.{b}.flows.{j}.actnorm.loc}
 * [1, C, 1, 1], {@code …actnorm.initialized} (uint8 there, 0/1 float here), {@code …invconv.w_p/w_l/w_s/w_u/
 * u_mask/l_mask/s_sign/l_eye} or {@code …invconv.weight} [C, C, 1, 1], {@code …coupling.net.{0,2}.weight/bias},
 * {@code …coupling.net.4.conv.weight/bias}, {@code …net.4.scale} [1, Cout, 1, 1],
 * {@code blocks.{b}.prior.conv.weight/bias}, {@code blocks.{b}.prior.scale}), so the mapping is the
 * identity; what this class adds is the checks. A {@code module.} prefix on every key (a model
 * saved through nn.DataParallel, as glow-pytorch's train.py does) is removed. The architecture is
 * inferred from the keys and shapes ({@link ReferenceConfig}); then every key must be one of that
 * Glow's, every shape must equal its own, the parameters must be floating point and every ActNorm
 * must be initialised (a model that never saw data is not a trained one). Every failure is one
 * line naming the file.
 */
public final class GlowImport {
    private static final String DATA_PARALLEL_PREFIX = "module.";

    private GlowImport() {}

    /** An imported model, with the SHA-256 of its file and whether the keys carried "module.". */
    public record Imported(Glow glow, String sha256, boolean dataParallel) {}

    /** Reads {@code options.glow()} and writes the model directory {@code options.out()}. */
    public static Imported run(GlowImportOptions options) throws IOException {
        if (Files.exists(options.out().resolve(GlowDirectory.HEADER_FILE)))
            throw new BadInput("--out " + options.out() + " already holds a Glow; choose another directory");
        Imported imported = read(options.glow(), options.imageSize());
        GlowDirectory.Header header = new GlowDirectory.Header(GlowDirectory.FORMAT_VERSION, imported.glow().config(), "imported",
                null, null, null, Version.get(), 0, new GlowDirectory.Source(options.glow().toAbsolutePath().normalize().toString(), imported.sha256()));
        new GlowDirectory(options.out()).saveModel(header, imported.glow());
        return imported;
    }

    /** The Glow stored in {@code file}, for images of side {@code side}. */
    public static Imported read(Path file, int side) throws IOException {
        Map<String, PtTensor> state;
        try {
            state = PtReader.readStateDict(file);
        } catch (IOException e) {                                    // one line naming the file, first
            String message = e.getMessage();
            throw new BadInput(message.startsWith(file + ": ") ? message : file + ": " + message, e);
        }
        boolean dataParallel = !state.isEmpty() && state.keySet().stream().allMatch(k -> k.startsWith(DATA_PARALLEL_PREFIX));
        if (dataParallel) state = withoutPrefix(state);
        Map<String, Shape> shapes = new LinkedHashMap<>();
        state.forEach((name, t) -> shapes.put(name, t.shape()));
        GlowConfig config = ReferenceConfig.infer(shapes, side, file.toString());

        Glow glow = new Glow(config, new Rng(0));                   // every value is overwritten below
        Map<String, Tensor> own = glow.stateDict();
        String what = file + ": the state" + (dataParallel ? " (its 'module.' prefix removed)" : "")
                + " does not match the Glow its shapes describe (" + config.describe() + ")";
        try {
            StateKeys.requireMatch(what, own.keySet(), state.keySet());
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        Map<String, Tensor> values = new LinkedHashMap<>();
        for (var entry : own.entrySet()) {
            String name = entry.getKey();
            PtTensor t = state.get(name);
            if (!t.shape().equals(entry.getValue().shape()))
                throw new BadInput(file + ": '" + name + "' has shape " + t.shape() + " in the file, but the Glow its other shapes describe ("
                        + config.describe() + ") needs " + entry.getValue().shape());
            values.put(name, checkedValue(file, name, t));
        }
        glow.loadStateDict(values);
        return new Imported(glow, FileHash.sha256(file), dataParallel);
    }

    /** The tensor's values; ActNorm's flag must be an initialised integer flag, the rest floating point. */
    private static Tensor checkedValue(Path file, String name, PtTensor t) {
        if (!name.endsWith(".initialized")) {
            if (!t.dtype().isFloatingPoint())
                throw new BadInput(file + ": '" + name + "' is " + t.dtype() + ", expected a floating-point tensor");
            return t.toTensor();
        }
        if (t.dtype().isFloatingPoint())
            throw new BadInput(file + ": '" + name + "' is " + t.dtype() + ", expected the uint8 (or bool) flag of ActNorm");
        if (t.longs()[0] == 0)
            throw new BadInput(file + ": '" + name + "' is 0: this ActNorm was never initialised on data, so the file does not hold a trained Glow");
        return Tensor.scalar(1f);
    }

    private static Map<String, PtTensor> withoutPrefix(Map<String, PtTensor> state) {
        Map<String, PtTensor> out = new LinkedHashMap<>();
        state.forEach((name, t) -> out.put(name.substring(DATA_PARALLEL_PREFIX.length()), t));
        return out;
    }
}
