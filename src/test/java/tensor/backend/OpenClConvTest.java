package tensor.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static tensor.backend.OpenClTesting.assertClose;
import static tensor.backend.OpenClTesting.gaussian;
import static tensor.backend.OpenClTesting.onDevice;

import org.junit.jupiter.api.Test;
import tensor.random.Rng;

/** kernels/conv.cl against its twins in Reference, and the twins against hand-computed convolutions. */
class OpenClConvTest {
    // Same summation order as the twins (≤ cIn·kh·kw = 100 or n·hOut·wOut = 108 terms of N(0,1)
    // products); only fma contraction can change the rounding, by ≤ half an ulp of the partial sum
    // per step: atol 1e-4 covers that; any indexing mistake is O(1).
    private static final double ATOL = 1e-4, RTOL = 1e-5;

    // (n, cIn, h, w, cOut, kh, kw, stride, pad): size 1, odd and prime sizes, strides that do not
    // divide, a kernel larger than the unpadded input, 1x1 convolutions; outputs not multiples of 64
    private static final ConvGeometry[] GEOMETRIES = {
        new ConvGeometry(1, 1, 1, 1, 1, 1, 1, 1, 0),
        new ConvGeometry(1, 1, 3, 3, 1, 3, 3, 1, 0),
        new ConvGeometry(2, 3, 5, 7, 4, 3, 3, 1, 1),
        new ConvGeometry(1, 2, 7, 5, 3, 3, 2, 2, 1),
        new ConvGeometry(3, 1, 11, 13, 2, 5, 5, 3, 2),
        new ConvGeometry(2, 4, 8, 8, 5, 1, 1, 1, 0),
        new ConvGeometry(1, 3, 9, 9, 2, 4, 4, 2, 0),
        new ConvGeometry(1, 1, 2, 2, 1, 3, 3, 1, 1),
    };

    @Test void forwardMatchesReference() {
        OpenClBackend cl = OpenClTesting.backend();
        Rng rng = new Rng(21);
        for (ConvGeometry g : GEOMETRIES)
            for (boolean withBias : new boolean[] {true, false}) {
                float[] x = gaussian(rng, g.inputSize(), 1), w = gaussian(rng, g.weightSize(), 1);
                float[] bias = withBias ? gaussian(rng, g.cOut(), 1) : null;
                float[] expected = new float[g.outputSize()], y = new float[g.outputSize()];
                Reference.conv2dForward(g, x, w, bias, expected);
                onDevice(g + " forward", () -> cl.conv2dForward(g, x, w, bias, y));
                assertClose(g + " forward y (bias " + withBias + ")", expected, y, ATOL, RTOL);
            }
    }

    @Test void backwardInputMatchesReference() {
        OpenClBackend cl = OpenClTesting.backend();
        Rng rng = new Rng(22);
        for (ConvGeometry g : GEOMETRIES) {
            float[] dy = gaussian(rng, g.outputSize(), 1), w = gaussian(rng, g.weightSize(), 1);
            float[] dx = gaussian(rng, g.inputSize(), 1), expected = dx.clone();    // accumulated into
            Reference.conv2dBackwardInput(g, dy, w, expected);
            onDevice(g + " backward input", () -> cl.conv2dBackwardInput(g, dy, w, dx));
            assertClose(g + " dx", expected, dx, ATOL, RTOL);
        }
    }

    @Test void backwardWeightAndBiasMatchReference() {
        OpenClBackend cl = OpenClTesting.backend();
        Rng rng = new Rng(23);
        for (ConvGeometry g : GEOMETRIES)
            for (boolean withBias : new boolean[] {true, false}) {
                float[] x = gaussian(rng, g.inputSize(), 1), dy = gaussian(rng, g.outputSize(), 1);
                float[] dw = gaussian(rng, g.weightSize(), 1), expectedDw = dw.clone();
                float[] dBias = withBias ? gaussian(rng, g.cOut(), 1) : null, expectedDBias = withBias ? dBias.clone() : null;
                Reference.conv2dBackwardWeight(g, x, dy, expectedDw, expectedDBias);
                onDevice(g + " backward weight", () -> cl.conv2dBackwardWeight(g, x, dy, dw, dBias));
                assertClose(g + " dw", expectedDw, dw, ATOL, RTOL);
                if (withBias) assertClose(g + " dBias", expectedDBias, dBias, ATOL, RTOL);
            }
    }

    // x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]], a 3x3 kernel of ones, bias 0.5, stride 1, pad 1: each
    // output is 0.5 + the sum of the (zero-padded) 3x3 neighbourhood.
    private static final ConvGeometry BOX = new ConvGeometry(1, 1, 3, 3, 1, 3, 3, 1, 1);
    private static final float[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9}, ONES = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    private static final float[] BOX_Y = {12.5f, 21.5f, 16.5f, 27.5f, 45.5f, 33.5f, 24.5f, 39.5f, 28.5f};
    // with dy = ones: dx counts the outputs that see each input (4 at corners, 6 on edges, 9 inside);
    // dw[p, q] sums the inputs that kernel tap (p, q) sees; dBias = 9 outputs
    private static final float[] BOX_DX = {4, 6, 4, 6, 9, 6, 4, 6, 4};
    private static final float[] BOX_DW = {12, 21, 16, 27, 45, 33, 24, 39, 28};

    @Test void referenceMatchesHandComputedBoxFilter() {
        float[] y = new float[9], dx = new float[9], dw = new float[9], dBias = new float[1];
        Reference.conv2dForward(BOX, X, ONES, new float[] {0.5f}, y);
        Reference.conv2dBackwardInput(BOX, ONES, ONES, dx);
        Reference.conv2dBackwardWeight(BOX, X, ONES, dw, dBias);
        assertBoxFilter(y, dx, dw, dBias);
    }

    @Test void kernelsMatchHandComputedBoxFilter() {
        OpenClBackend cl = OpenClTesting.backend();
        float[] y = new float[9], dx = new float[9], dw = new float[9], dBias = new float[1];
        onDevice("box filter forward", () -> cl.conv2dForward(BOX, X, ONES, new float[] {0.5f}, y));
        onDevice("box filter backward input", () -> cl.conv2dBackwardInput(BOX, ONES, ONES, dx));
        onDevice("box filter backward weight", () -> cl.conv2dBackwardWeight(BOX, X, ONES, dw, dBias));
        assertBoxFilter(y, dx, dw, dBias);
    }

    @Test void referenceMatchesHandComputedStridedSum() {
        // x = 1..16 as 4x4, a 2x2 kernel of ones, stride 2: the sums of the four 2x2 blocks
        ConvGeometry g = new ConvGeometry(1, 1, 4, 4, 1, 2, 2, 2, 0);
        float[] x = new float[16];
        for (int i = 0; i < 16; i++) x[i] = i + 1;
        float[] y = new float[4];
        Reference.conv2dForward(g, x, new float[] {1, 1, 1, 1}, null, y);
        assertThat(y).containsExactly(14, 22, 46, 54);
    }

    private static void assertBoxFilter(float[] y, float[] dx, float[] dw, float[] dBias) {
        assertThat(y).as("y").containsExactly(BOX_Y);
        assertThat(dx).as("dx").containsExactly(BOX_DX);
        assertThat(dw).as("dw").containsExactly(BOX_DW);
        assertThat(dBias).as("dBias").containsExactly(9);
    }
}
