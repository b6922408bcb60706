package lassi.bench;

import java.util.Arrays;
import java.util.List;
import tensor.Tensor;
import tensor.backend.ConvGeometry;
import tensor.random.Rng;

/**
 * convKxK_*_fwd_bwd: one convolution's forward pass, then the gradients for input, weight and
 * bias from a random upstream gradient (three passes of equal multiply-add count).
 */
final class ConvWorkloads {
    private ConvWorkloads() {}

    static List<Workload> all() {
        return List.of(
                fwdBwd("conv3x3_s16_fwd_bwd", new ConvGeometry(64, 6, 8, 8, 64, 3, 3, 1, 1)),
                fwdBwd("conv1x1_s16_fwd_bwd", new ConvGeometry(64, 64, 8, 8, 64, 1, 1, 1, 0)),
                fwdBwd("conv3x3_paper_fwd_bwd", new ConvGeometry(16, 6, 32, 32, 512, 3, 3, 1, 1)));
    }

    static Workload fwdBwd(String name, ConvGeometry g) {
        return new Workload(name, 3 * 2.0 * g.macs(), backend -> {
            var rng = new Rng(name.hashCode());
            float[] x = Tensor.randn(rng, g.n(), g.cIn(), g.h(), g.w()).data();            // [N, C, H, W]
            float[] w = Tensor.randn(rng, g.cOut(), g.cIn(), g.kh(), g.kw()).data();       // [O, C, kh, kw]
            float[] bias = Tensor.randn(rng, g.cOut()).data();                             // [O]
            float[] dy = Tensor.randn(rng, g.n(), g.cOut(), g.hOut(), g.wOut()).data();    // [N, O, hOut, wOut]
            float[] y = new float[g.outputSize()], dx = new float[g.inputSize()];
            float[] dw = new float[g.weightSize()], dBias = new float[g.cOut()];
            return () -> {
                backend.conv2dForward(g, x, w, bias, y);
                Arrays.fill(dx, 0f);
                Arrays.fill(dw, 0f);
                Arrays.fill(dBias, 0f);
                backend.conv2dBackwardInput(g, dy, w, dx);
                backend.conv2dBackwardWeight(g, x, dy, dw, dBias);
            };
        });
    }
}
