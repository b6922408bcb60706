package tensor.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tensor.Golden;
import tensor.Tensor;
import tensor.io.NpyArray;
import tensor.nn.Mlp;
import tensor.nn.Parameter;
import tensor.ops.CrossEntropy;
import tensor.random.Rng;

import static org.assertj.core.api.Assertions.assertThat;
import static tensor.Golden.assertClose;

/**
 * Three Adam steps (lr 1e-2, eps 1e-3: see the fixture script for why) on MLP([6, 5, 4, 3]) with BatchNorm, spec §6.1, against PyTorch
 * (fixtures/tensor/mlp_adam.npz): the PyTorch initial state is loaded by its nn.Sequential names,
 * then every step's loss, gradients, parameters and running statistics are compared, and the
 * eval-mode output at the end. Both sides run float32; PyTorch sums in a different order, so
 * values agree to ~1e-6 relative; Adam's normalised step m̂/√v̂ keeps parameter changes O(lr) and
 * does not amplify that. Tolerance: 1e-5 absolute + 1e-4 relative.
 */
class AdamGoldenTest {
    private static final double ATOL = 1e-5, RTOL = 1e-4;

    @Test void threeStepsOnAnMlpMatchPyTorch() {
        Map<String, NpyArray> f = Golden.npz("tensor", "mlp_adam.npz", 1);
        long[] widths = f.get("widths").toLongs();
        Mlp mlp = new Mlp(new Rng(3), (int) widths[0], (int) widths[1], (int) widths[2], (int) widths[3]);
        mlp.loadStateDict(prefixed(f, "init."));                   // also proves the state names match PyTorch's
        double[] betas = f.get("betas").toDoubles();
        Adam adam = new Adam(mlp.namedParameters(), f.get("lr").toDoubles()[0], betas[0], betas[1], f.get("eps").toDoubles()[0]);
        mlp.train();
        for (int step = 1; step <= 3; step++) {
            adam.zeroGrad();
            Tensor loss = CrossEntropy.apply(mlp.forward(f.get("x" + step).toTensor()), f.get("y" + step).toInts());
            loss.backward();
            assertClose("loss" + step, loss, f.get("loss" + step), ATOL, RTOL);
            for (Parameter p : mlp.namedParameters())
                assertClose("step " + step + " grad " + p.name(), p.value().gradTensor(), f.get("grad" + step + "." + p.name()), ATOL, RTOL);
            adam.step();
            Map<String, Tensor> expected = prefixed(f, "step" + step + ".");
            assertThat(mlp.stateDict().keySet()).containsExactlyElementsOf(expected.keySet());
            for (var e : mlp.stateDict().entrySet())
                assertClose("step " + step + " " + e.getKey(), e.getValue(), f.get("step" + step + "." + e.getKey()), ATOL, RTOL);
        }
        mlp.eval();
        assertClose("eval output", mlp.forward(f.get("x_eval").toTensor()), f.get("out_eval"), ATOL, RTOL);
    }

    private static Map<String, Tensor> prefixed(Map<String, NpyArray> f, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        f.forEach((k, v) -> { if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), v.toTensor()); });
        return out;
    }
}
