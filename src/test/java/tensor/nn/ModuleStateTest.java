package tensor.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Tensor;
import tensor.io.NpyArray;
import tensor.io.Npz;
import tensor.random.Rng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModuleStateTest {
    @TempDir Path dir;

    @Test void savesAndLoadsEveryParameterAndBufferByDottedName() throws IOException {
        Mlp trained = new Mlp(new Rng(1), 6, 5, 3);
        trained.forward(Tensor.randn(new Rng(2), 8, 6));              // moves the running statistics
        Path file = dir.resolve("mlp.npz");
        ModuleState.save(trained, file);
        assertThat(Npz.read(file).keySet()).containsExactlyElementsOf(trained.stateDict().keySet());

        Mlp fresh = new Mlp(new Rng(99), 6, 5, 3);
        ModuleState.load(fresh, file);
        trained.stateDict().forEach((name, t) -> assertThat(fresh.stateDict().get(name).data()).as(name).isEqualTo(t.data()));
        assertThat(fresh.stateDict().get("1.num_batches_tracked").item()).isEqualTo(1f);
    }

    @Test void loadingNamesTheFileAndTheMissingOrUnexpectedKeys() throws IOException {
        Path file = dir.resolve("other.npz");
        ModuleState.save(new Mlp(new Rng(1), 6, 5, 3), file);
        assertThatThrownBy(() -> ModuleState.load(new Mlp(new Rng(1), 6, 3), file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": state does not match Mlp: unexpected keys [1.bias, 1.num_batches_tracked, "
                        + "1.running_mean, 1.running_var, 1.weight, 3.bias, 3.weight]");
    }

    @Test void loadingNamesAShapeMismatchAndChangesNothing() throws IOException {
        Path file = dir.resolve("wide.npz");
        ModuleState.save(new Linear(4, 2, new Rng(1)), file);
        Map<String, NpyArray> arrays = new LinkedHashMap<>(Npz.read(file));
        arrays.put("bias", NpyArray.ofFloats(new float[3], 3));
        Npz.write(file, arrays);
        Linear target = new Linear(4, 2, new Rng(7));
        float[] before = target.weight().data().clone();
        assertThatThrownBy(() -> ModuleState.load(target, file))
                .hasMessage(file + ": state 'bias': shape [3] does not match [2]");
        assertThat(target.weight().data()).as("weight untouched after a failed load").isEqualTo(before);
    }

    @Test void loadsStateExportedFromPyTorchWithInt64Counters() throws IOException {
        Map<String, NpyArray> torchStyle = new LinkedHashMap<>();
        torchStyle.put("running_mean", NpyArray.ofDoubles(new double[] {0.5, -0.5}, 2));
        torchStyle.put("running_var", NpyArray.ofFloats(new float[] {2f, 3f}, 2));
        torchStyle.put("num_batches_tracked", NpyArray.ofLongs(new long[] {7}));
        Path file = dir.resolve("bn.npz");
        Npz.write(file, torchStyle);
        BatchNorm1d bn = new BatchNorm1d(2, false);
        ModuleState.load(bn, file);
        assertThat(bn.runningMean().data()).containsExactly(0.5f, -0.5f);
        assertThat(bn.stateDict().get("num_batches_tracked").item()).isEqualTo(7f);
    }
}
