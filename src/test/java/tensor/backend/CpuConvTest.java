package tensor.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tensor.random.Rng;

/**
 * The CPU convolution passes against the {@link Reference} loops. Inputs are uniform in [−1, 1];
 * the passes differ from the reference only in rounding order (fused multiply-adds, the bias
 * added before the sum), which at these sizes (at most a few hundred terms) stays far below
 * |cpu − ref| ≤ 1e-4 + 1e-4·|ref|, while a wrong index or a missed patch fails by order 1.
 * Gradients are accumulated into arrays that start random, to test the +=.
 */
class CpuConvTest {
    private static final double ATOL = 1e-4, RTOL = 1e-4;
    private static final CpuBackend ONE = new CpuBackend(1), TWO = new CpuBackend(2), THREE = new CpuBackend(3);

    // n, cIn, h, w, cOut, kh, kw, stride, pad
    private static final ConvGeometry[] GEOMETRIES = {
        new ConvGeometry(3, 2, 7, 5, 4, 3, 3, 1, 1),      // 3x3 pad 1, odd non-square image
        new ConvGeometry(2, 3, 9, 8, 5, 3, 3, 2, 1),      // stride 2, pad 1
        new ConvGeometry(2, 3, 9, 9, 5, 3, 3, 2, 0),      // stride 2, pad 0
        new ConvGeometry(1, 3, 6, 6, 7, 3, 3, 1, 0),      // one image (fewer images than threads)
        new ConvGeometry(3, 5, 4, 6, 3, 1, 1, 1, 0),      // 1x1 on images of 24 pixels: on the grid
        new ConvGeometry(3, 5, 8, 4, 7, 1, 1, 1, 0),      // 1x1 on images of 32 pixels: in place, 7 outputs (a partial sliver)
        new ConvGeometry(2, 9, 8, 8, 9, 1, 1, 1, 0),      // the same, 64 pixels, 9 inputs and outputs
        new ConvGeometry(2, 4, 5, 5, 3, 1, 1, 2, 0),      // 1x1 with stride 2
        new ConvGeometry(2, 4, 3, 3, 6, 1, 1, 1, 1),      // 1x1 with padding
        new ConvGeometry(2, 2, 6, 7, 3, 2, 3, 1, 1),      // rectangular kernel
        new ConvGeometry(1, 1, 1, 1, 1, 1, 1, 1, 0),      // all ones
        new ConvGeometry(5, 6, 8, 8, 37, 3, 3, 1, 1),     // wider, several micro-tiles
        new ConvGeometry(2, 3, 6, 5, 4, 5, 5, 1, 2),      // 5x5 pad 2: output as large as the input
        new ConvGeometry(1, 2, 2, 2, 3, 5, 5, 1, 2),      // the same on an image smaller than the kernel
    };

    @Test void forwardMatchesReferenceWithAndWithoutBias() {
        for (ConvGeometry g : GEOMETRIES)
            for (boolean withBias : new boolean[] {true, false}) {
                var rng = new Rng(g.hashCode());
                float[] x = uniform(rng, g.inputSize()), w = uniform(rng, g.weightSize());
                float[] bias = withBias ? uniform(rng, g.cOut()) : null;
                float[] expected = new float[g.outputSize()], actual = uniform(rng, g.outputSize());  // y is overwritten
                Reference.conv2dForward(g, x, w, bias, expected);
                TWO.conv2dForward(g, x, w, bias, actual);
                Close.assertClose("forward " + g + " bias " + withBias, expected, actual, ATOL, RTOL);
            }
    }

    @Test void inputGradientMatchesReference() {
        for (ConvGeometry g : GEOMETRIES) {
            var rng = new Rng(g.hashCode() + 1);
            float[] dy = uniform(rng, g.outputSize()), w = uniform(rng, g.weightSize()), dx = uniform(rng, g.inputSize());
            float[] expected = dx.clone(), actual = dx.clone();
            Reference.conv2dBackwardInput(g, dy, w, expected);
            TWO.conv2dBackwardInput(g, dy, w, actual);
            Close.assertClose("backward input " + g, expected, actual, ATOL, RTOL);
        }
    }

    @Test void weightAndBiasGradientsMatchReference() {
        for (ConvGeometry g : GEOMETRIES)
            for (boolean withBias : new boolean[] {true, false}) {
                var rng = new Rng(g.hashCode() + 2);
                float[] x = uniform(rng, g.inputSize()), dy = uniform(rng, g.outputSize());
                float[] dw = uniform(rng, g.weightSize()), dBias = uniform(rng, g.cOut());
                float[] expectedW = dw.clone(), actualW = dw.clone();
                float[] expectedB = withBias ? dBias.clone() : null, actualB = withBias ? dBias.clone() : null;
                Reference.conv2dBackwardWeight(g, x, dy, expectedW, expectedB);
                TWO.conv2dBackwardWeight(g, x, dy, actualW, actualB);
                Close.assertClose("backward weight " + g, expectedW, actualW, ATOL, RTOL);
                if (withBias) Close.assertClose("bias gradient " + g, expectedB, actualB, ATOL, RTOL);
            }
    }

    /**
     * The weight gradient as dot products along long grid rows: many images (25 of 10x10 pixels),
     * and images with rows longer than a vector (32x32, copied to and from the grid with whole
     * vectors).
     */
    @Test void weightGradientOverSeveralChunks() {
        ConvGeometry[] geometries = {new ConvGeometry(25, 3, 10, 10, 4, 3, 3, 1, 1), new ConvGeometry(13, 4, 10, 10, 5, 1, 1, 1, 0),
                                     new ConvGeometry(3, 2, 32, 32, 3, 3, 3, 1, 1), new ConvGeometry(3, 4, 32, 32, 5, 1, 1, 1, 0)};
        for (ConvGeometry g : geometries) {
            var rng = new Rng(5);
            float[] x = uniform(rng, g.inputSize()), dy = uniform(rng, g.outputSize());
            float[] expectedW = uniform(rng, g.weightSize()), actualW = expectedW.clone();
            float[] expectedB = uniform(rng, g.cOut()), actualB = expectedB.clone();
            Reference.conv2dBackwardWeight(g, x, dy, expectedW, expectedB);
            TWO.conv2dBackwardWeight(g, x, dy, actualW, actualB);
            Close.assertClose("backward weight " + g, expectedW, actualW, ATOL, RTOL);
            Close.assertClose("bias gradient " + g, expectedB, actualB, ATOL, RTOL);
        }
    }

    @Test void bothBackwardPassesTogetherEqualThemApart() {
        for (ConvGeometry g : GEOMETRIES) {
            var rng = new Rng(g.hashCode() + 3);
            float[] x = uniform(rng, g.inputSize()), w = uniform(rng, g.weightSize()), dy = uniform(rng, g.outputSize());
            float[] dx = uniform(rng, g.inputSize()), dw = uniform(rng, g.weightSize()), dBias = uniform(rng, g.cOut());
            float[] dxApart = dx.clone(), dwApart = dw.clone(), dBiasApart = dBias.clone();
            TWO.conv2dBackward(g, x, dy, w, dx, dw, dBias);
            TWO.conv2dBackwardInput(g, dy, w, dxApart);
            TWO.conv2dBackwardWeight(g, x, dy, dwApart, dBiasApart);
            assertThat(dx).as("dx " + g).isEqualTo(dxApart);
            assertThat(dw).as("dw " + g).isEqualTo(dwApart);
            assertThat(dBias).as("dBias " + g).isEqualTo(dBiasApart);
        }
    }

    @Test void resultsDoNotDependOnTheThreadCount() {
        ConvGeometry[] geometries = {new ConvGeometry(5, 6, 8, 8, 37, 3, 3, 1, 1), new ConvGeometry(1, 16, 20, 20, 40, 3, 3, 2, 1),
                                     new ConvGeometry(3, 64, 8, 8, 64, 1, 1, 1, 0), new ConvGeometry(2, 3, 32, 32, 40, 3, 3, 1, 1)};
        for (ConvGeometry g : geometries) {
            var rng = new Rng(9);
            float[] x = uniform(rng, g.inputSize()), w = uniform(rng, g.weightSize()), bias = uniform(rng, g.cOut());
            float[] dy = uniform(rng, g.outputSize());
            float[][] y = new float[3][], dx = new float[3][], dw = new float[3][], dBias = new float[3][];
            CpuBackend[] backends = {ONE, TWO, THREE};
            for (int i = 0; i < 3; i++) {
                y[i] = new float[g.outputSize()];
                dx[i] = new float[g.inputSize()];
                dw[i] = new float[g.weightSize()];
                dBias[i] = new float[g.cOut()];
                backends[i].conv2dForward(g, x, w, bias, y[i]);
                backends[i].conv2dBackwardInput(g, dy, w, dx[i]);
                backends[i].conv2dBackwardWeight(g, x, dy, dw[i], dBias[i]);
            }
            for (int i = 1; i < 3; i++) {
                String what = g + " with " + (i + 1) + " threads vs 1: ";
                assertThat(y[i]).as(what + "y").isEqualTo(y[0]);
                assertThat(dx[i]).as(what + "dx").isEqualTo(dx[0]);
                assertThat(dw[i]).as(what + "dw").isEqualTo(dw[0]);
                assertThat(dBias[i]).as(what + "dBias").isEqualTo(dBias[0]);
            }
        }
    }

    private static float[] uniform(Rng rng, int size) {
        return CpuGemmTest.uniform(rng, size);
    }
}
