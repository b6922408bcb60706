package tensor.nn;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tensor.Tensor;
import tensor.io.NpyArray;
import tensor.ops.CrossEntropy;
import tensor.ops.MatMul;
import tensor.ops.Pad;
import tensor.random.Rng;

import static tensor.Golden.assertClose;

/**
 * Ops and layers against PyTorch 1.13 (fixtures/tensor, made by scripts/fixtures/tensor.py). The
 * references are float64 results on float32 inputs, so the tolerance only has to cover our
 * float32 rounding: 1e-5 absolute + 1e-4 relative (values here are O(1)..O(10), sums of at most
 * a few hundred products, each rounded to ~6e-8 relative).
 */
class TorchGoldenTest {
    private static final double ATOL = 1e-5, RTOL = 1e-4;

    private static Map<String, NpyArray> fixture(String name) {
        return tensor.Golden.npz("tensor", name, 1);
    }

    private static Tensor input(Map<String, NpyArray> f, String name) {
        return f.get(name).toTensor().requiresGrad(true);
    }

    @Test void matmulForwardAndGradients() {
        var f = fixture("matmul.npz");
        Tensor a = input(f, "a"), b = input(f, "b");
        Tensor c = MatMul.apply(a, b);
        c.backward(f.get("u").toFloats());
        assertClose("c", c, f.get("c"), ATOL, RTOL);
        assertClose("da", a.gradTensor(), f.get("da"), ATOL, RTOL);
        assertClose("db", b.gradTensor(), f.get("db"), ATOL, RTOL);
    }

    @Test void linearModuleForwardAndGradients() {
        var f = fixture("linear.npz");
        Linear linear = new Linear(6, 3, new Rng(1));
        linear.loadStateDict(Map.of("weight", f.get("w").toTensor(), "bias", f.get("bias").toTensor()));
        Tensor x = input(f, "x");
        Tensor y = linear.forward(x);
        y.backward(f.get("u").toFloats());
        assertClose("y", y, f.get("y"), ATOL, RTOL);
        assertClose("dx", x.gradTensor(), f.get("dx"), ATOL, RTOL);
        assertClose("dweight", linear.weight().gradTensor(), f.get("dw"), ATOL, RTOL);
        assertClose("dbias", linear.bias().gradTensor(), f.get("dbias"), ATOL, RTOL);
    }

    /** Glow's ZeroConv2d pattern (spec §3.4): pad with the constant 1, then a 3x3 conv without padding. */
    @Test void conv2dAfterPaddingWithOnes() {
        var f = fixture("conv2d_pad1.npz");
        Tensor x = input(f, "x"), w = input(f, "w"), bias = input(f, "bias");
        Tensor y = tensor.ops.Conv2d.apply(Pad.apply(x, 1, 1f), w, bias, 1, 0);
        y.backward(f.get("u").toFloats());
        assertClose("y", y, f.get("y"), ATOL, RTOL);
        assertClose("dx", x.gradTensor(), f.get("dx"), ATOL, RTOL);
        assertClose("dw", w.gradTensor(), f.get("dw"), ATOL, RTOL);
        assertClose("dbias", bias.gradTensor(), f.get("dbias"), ATOL, RTOL);
    }

    @Test void conv2dModuleWithStrideAndZeroPadding() {
        var f = fixture("conv2d_stride2.npz");
        Conv2d conv = new Conv2d(2, 3, 3, (int) f.get("stride").toLongs()[0], (int) f.get("padding").toLongs()[0], new Rng(1));
        conv.loadStateDict(Map.of("weight", f.get("w").toTensor(), "bias", f.get("bias").toTensor()));
        Tensor x = input(f, "x");
        Tensor y = conv.forward(x);
        y.backward(f.get("u").toFloats());
        assertClose("y", y, f.get("y"), ATOL, RTOL);
        assertClose("dx", x.gradTensor(), f.get("dx"), ATOL, RTOL);
        assertClose("dweight", conv.weight().gradTensor(), f.get("dw"), ATOL, RTOL);
        assertClose("dbias", conv.bias().gradTensor(), f.get("dbias"), ATOL, RTOL);
    }

    @Test void batchNormAffineTrainTwoStepsThenEval() {
        checkBatchNorm(fixture("batchnorm_affine.npz"), true);
    }

    @Test void batchNormWithoutAffineTrainTwoStepsThenEval() {
        checkBatchNorm(fixture("batchnorm_plain.npz"), false);
    }

    private static void checkBatchNorm(Map<String, NpyArray> f, boolean affine) {
        BatchNorm1d bn = new BatchNorm1d(4, affine);
        if (affine) {
            System.arraycopy(f.get("weight").toFloats(), 0, bn.weight().data(), 0, 4);
            System.arraycopy(f.get("bias").toFloats(), 0, bn.bias().data(), 0, 4);
        }
        for (int step = 1; step <= 2; step++) {
            bn.zeroGrad();
            Tensor x = input(f, "x" + step);
            Tensor y = bn.forward(x);
            y.backward(f.get("u" + step).toFloats());
            assertClose("y" + step, y, f.get("y" + step), ATOL, RTOL);
            assertClose("dx" + step, x.gradTensor(), f.get("dx" + step), ATOL, RTOL);
            if (affine) {
                assertClose("dweight" + step, bn.weight().gradTensor(), f.get("dweight" + step), ATOL, RTOL);
                assertClose("dbias" + step, bn.bias().gradTensor(), f.get("dbias" + step), ATOL, RTOL);
            }
            assertClose("running_mean" + step, bn.runningMean(), f.get("running_mean" + step), ATOL, RTOL);
            assertClose("running_var" + step, bn.runningVar(), f.get("running_var" + step), ATOL, RTOL);
            assertClose("num_batches_tracked" + step, bn.stateDict().get("num_batches_tracked"), f.get("num_batches_tracked" + step), 0, 0);
        }
        bn.eval();
        Tensor x = input(f, "x_eval");
        Tensor y = bn.forward(x);
        y.backward(f.get("u_eval").toFloats());
        assertClose("y_eval", y, f.get("y_eval"), ATOL, RTOL);
        assertClose("dx_eval", x.gradTensor(), f.get("dx_eval"), ATOL, RTOL);
    }

    @Test void crossEntropyValueAndLogitGradient() {
        var f = fixture("cross_entropy.npz");
        Tensor logits = input(f, "logits");
        Tensor loss = CrossEntropy.apply(logits, f.get("targets").toInts());
        loss.backward();
        assertClose("loss", loss, f.get("loss"), ATOL, RTOL);
        assertClose("dlogits", logits.gradTensor(), f.get("dlogits"), ATOL, RTOL);
    }
}
