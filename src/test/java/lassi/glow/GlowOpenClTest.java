package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static tensor.backend.OpenClTesting.assertClose;
import static tensor.backend.OpenClTesting.onDevice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Grad;
import tensor.Tensor;
import tensor.backend.Backends;
import tensor.backend.OpenClBackend;
import tensor.backend.OpenClTesting;
import tensor.nn.Parameter;
import tensor.random.Rng;

/**
 * A T8 Glow on {@code --device opencl} against the CPU: the forward pass, the inverse, and one
 * training step through GlowTrainer (ActNorm init + one Adam step). Skipped without an OpenCL
 * device, failed instead when LASSI_REQUIRE_OPENCL=1 (see OpenClTesting). Every comparison also
 * asserts that OpenCL kernels completed on the device.
 *
 * The differences are float32 rounding: the kernels sum in another order than the CPU loops.
 * Largest differences measured on PoCL (CPU device): logP 6e-5 on values of ~400 (relative
 * 1.5e-7), logdet 0, z 7e-7, inverse 9e-7, validation bits/dim 3e-7, gradients 1.1e-6 on values
 * of order 1 (relative 6e-6 where |g| > 1e-3), parameters after the step 2.4e-7 (one float32 ulp
 * at 2). The tolerances leave a margin of about 10 for devices that round differently (GPUs, FMA).
 */
class GlowOpenClTest {
    private static final GlowConfig CONFIG = GlowProfile.T8.config;                        // S 8, L 2, K 2, F 16
    private static final double LR = 1e-3, ADAM_EPS = 1e-8;                                // Adam's default eps, as GlowTrainer uses

    /**
     * A T8 Glow with every parameter moved by N(0, 0.05²). At the reference init the ZeroConv2d
     * layers are zero, so the coupling networks would add nothing to the forward pass and get no
     * gradient in the first step; perturbed, every conv, gemm and element-wise path counts.
     */
    private static Glow perturbedGlow() {
        Glow glow = new Glow(CONFIG, new Rng(1));
        Rng rng = new Rng(9);
        for (Parameter p : glow.namedParameters())
            for (int i = 0; i < p.value().size(); i++) p.value().data()[i] += (float) (0.05 * rng.nextGaussian());
        return glow;
    }

    /** Eight dequantised Shapes3D-lite images, [8, 3, 8, 8]. */
    private static Tensor batch() {
        return Dequantization.dequantize(TestImages.shapes3dLite(new Rng(5), 8, 8), new Rng(6));
    }

    @Test void forwardGivesTheCpuLogPLogdetAndEveryZ() {
        OpenClBackend cl = OpenClTesting.backend();
        Glow glow = perturbedGlow();
        Tensor x = batch();
        Glow.Output[] out = new Glow.Output[2];                                             // cpu, opencl
        try (var noGrad = Grad.disabled()) {
            glow.forward(x);                                                               // ActNorm init, on the cpu
            out[0] = glow.forward(x);
            onDevice("Glow forward", () -> {
                try (var scope = Backends.use(cl)) {
                    out[1] = glow.forward(x);
                }
            });
        }
        // log p sums 192 per-dimension terms of order 1: relative rounding ~1e-7
        assertClose("logP", out[0].logP().data(), out[1].logP().data(), 1e-4, 1e-5);
        assertClose("logdet", out[0].logdet().data(), out[1].logdet().data(), 1e-4, 1e-5);
        assertThat(out[1].zs()).hasSameSizeAs(out[0].zs());
        for (int b = 0; b < out[0].zs().size(); b++) {
            assertThat(out[1].zs().get(b).shape()).isEqualTo(out[0].zs().get(b).shape());
            assertClose("z_" + (b + 1), out[0].zs().get(b).data(), out[1].zs().get(b).data(), 1e-5, 1e-5);
        }
    }

    @Test void reverseGivesTheCpuReconstructionAndSamples() {
        OpenClBackend cl = OpenClTesting.backend();
        Glow glow = perturbedGlow();
        Tensor x = batch();
        Tensor[] cpu = new Tensor[2], opencl = new Tensor[2];                              // reconstruction, samples
        try (var noGrad = Grad.disabled()) {
            List<Tensor> zs = glow.forward(x).zs();                                        // ActNorm init, on the cpu
            cpu[0] = glow.reverse(zs, true);
            cpu[1] = glow.reverse(glow.sampleNoise(8, 0.7, new Rng(3)), false);
            onDevice("Glow reverse", () -> {
                try (var scope = Backends.use(cl)) {
                    opencl[0] = glow.reverse(zs, true);
                    opencl[1] = glow.reverse(glow.sampleNoise(8, 0.7, new Rng(3)), false);
                }
            });
        }
        assertClose("reconstruction", cpu[0].data(), opencl[0].data(), 1e-5, 1e-5);
        assertClose("reconstruction vs x", x.data(), opencl[0].data(), 1e-4, 0);          // and it is the inverse
        assertClose("samples", cpu[1].data(), opencl[1].data(), 1e-5, 1e-5);
    }

    /** What one run of the trainer leaves: the model after its step, and the bits/dim it reported. */
    private record Stepped(Glow glow, GlowTrainer.Summary summary) {}

    /** GlowTrainer on 16 images in batches of 8, one epoch: ActNorm init on batch 0, one Adam step on batch 1. */
    private static Stepped oneStep(Path dir) throws IOException {
        GlowTrainOptions options = new GlowTrainOptions(1, 8, LR, 0, 0, 4);
        GlowDirectory.Header header = new GlowDirectory.Header(GlowDirectory.FORMAT_VERSION, CONFIG, "T8", options,
                "shapes3d-lite", Backends.current().describe(), "test", 0);
        Glow glow = perturbedGlow();
        GlowTrainer.Listener quiet = new GlowTrainer.Listener() {
            @Override public void initialized(double validBitsPerDim) {}

            @Override public void step(long step, long totalSteps, double bitsPerDim, int images) {}

            @Override public void epoch(int epoch, double trainBitsPerDim, double validBitsPerDim) {}

            @Override public void checkpoint(long step) {}
        };
        GlowTrainer.Summary summary = new GlowTrainer(glow, options, new GlowDirectory(dir), header, quiet)
                .train(TestImages.shapes3dLite(new Rng(5), 16, 8), TestImages.shapes3dLite(new Rng(7), 8, 8));
        assertThat(summary.steps()).isEqualTo(1);
        return new Stepped(glow, summary);
    }

    @Test void oneTrainingStepGivesTheCpuParameters(@TempDir Path tmp) throws IOException {
        OpenClBackend cl = OpenClTesting.backend();
        Stepped cpu = oneStep(tmp.resolve("cpu"));
        Stepped[] opencl = new Stepped[1];
        onDevice("Glow training step", () -> {
            try (var scope = Backends.use(cl)) {
                opencl[0] = oneStep(tmp.resolve("opencl"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertClose("validation bits/dim after the ActNorm init, then after the step",
                new float[] {(float) cpu.summary().initialValidBitsPerDim(), cpu.summary().validBitsPerDim().get(0).floatValue()},
                new float[] {(float) opencl[0].summary().initialValidBitsPerDim(), opencl[0].summary().validBitsPerDim().get(0).floatValue()},
                1e-5, 1e-5);
        List<Parameter> expected = cpu.glow().namedParameters(), actual = opencl[0].glow().namedParameters();
        for (int p = 0; p < expected.size(); p++) {
            String name = expected.get(p).name();
            float[] g = expected.get(p).value().grad(), gCl = actual.get(p).value().grad();
            assertClose(name + " gradient", g, gCl, 1e-6, 1e-5);
            // Adam's first step moves θ by lr·g/(|g| + eps), which changes by at most
            // lr·|Δg|/(min(|g|, |g'|) + eps) when g becomes g': elements with |g| near eps would
            // pass a gradient's rounding on to θ amplified, so each element gets that allowance.
            float[] theta = expected.get(p).value().data(), thetaCl = actual.get(p).value().data();
            for (int i = 0; i < theta.length; i++) {
                double allowed = 1e-6 + LR * Math.abs(gCl[i] - g[i]) / (Math.min(Math.abs(g[i]), Math.abs(gCl[i])) + ADAM_EPS);
                if (!(Math.abs(thetaCl[i] - theta[i]) <= allowed))
                    fail(name + "[" + i + "] after the step: expected " + theta[i] + ", got " + thetaCl[i] + " (allowed " + allowed
                            + "; gradients " + g[i] + " and " + gCl[i] + ")");
            }
        }
    }
}
