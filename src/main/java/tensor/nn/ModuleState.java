package tensor.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tensor.Tensor;
import tensor.io.NpyArray;
import tensor.io.Npz;

/**
 * A module's state (parameters and buffers) as a .npz file: one float32 member per dotted state
 * name ("0.weight.npy", "1.running_mean.npy", …), in registration order, written atomically.
 * Loading converts any numeric dtype to float32, so a state exported from PyTorch with
 * {@code np.savez(f, **{k: v.numpy() for k, v in m.state_dict().items()})} loads too.
 */
public final class ModuleState {
    private ModuleState() {}

    public static void save(Module module, Path file) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        module.stateDict().forEach((name, t) -> arrays.put(name, NpyArray.of(t)));
        Npz.write(file, arrays);
    }

    /** Fails naming the file and the missing or unexpected keys, or both shapes on a mismatch. */
    public static void load(Module module, Path file) throws IOException {
        Map<String, Tensor> state = new LinkedHashMap<>();
        Npz.read(file).forEach((name, array) -> state.put(name, array.toTensor()));
        try {
            module.loadStateDict(state);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
