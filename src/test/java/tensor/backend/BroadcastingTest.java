package tensor.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tensor.Shape;
import tensor.random.Rng;

/**
 * The CPU broadcasting loops compute every element exactly as {@link Reference} does (same
 * operands, same summation order), so they must agree bit for bit, with any number of threads.
 * The sizes are large enough that the loops are split over the threads.
 */
class BroadcastingTest {
    private static final CpuBackend[] BACKENDS = {new CpuBackend(1), new CpuBackend(2), new CpuBackend(3)};

    @Test void binaryMatchesReferenceExactly() {
        int[][][] pairs = {
            {{16, 40, 9, 9}, {1, 40, 1, 1}}, {{16, 40, 9, 9}, {40, 1, 1}}, {{300, 257}, {257}}, {{300, 1}, {1, 257}},
            {{70000}, {}}, {{}, {70000}}, {{5, 1, 7}, {1, 6, 1}}, {{300, 257}, {300, 257}}, {{}, {}},
        };
        var rng = new Rng(1);
        for (int[][] pair : pairs) {
            Shape aShape = Shape.of(pair[0]), bShape = Shape.of(pair[1]), outShape = Shape.broadcast(aShape, bShape);
            float[] a = CpuGemmTest.uniform(rng, aShape.size()), b = CpuGemmTest.uniform(rng, bShape.size());
            for (Binary f : Binary.values()) {
                float[] expected = new float[outShape.size()];
                Reference.binary(f, a, aShape, b, bShape, expected, outShape);
                for (CpuBackend backend : BACKENDS) {
                    float[] actual = new float[outShape.size()];
                    backend.binary(f, a, aShape, b, bShape, actual, outShape);
                    assertThat(actual).as("%s %s %s with %d threads", f, aShape, bShape, backend.threads()).isEqualTo(expected);
                }
            }
        }
    }

    @Test void sumToMatchesReferenceExactly() {
        int[][][] cases = {                             // {x shape, out shape}
            {{300, 257}, {257}}, {{300, 257}, {1, 257}}, {{300, 257}, {300, 1}}, {{300, 257}, {}},
            {{16, 40, 9, 9}, {1, 40, 1, 1}}, {{16, 40, 9, 9}, {40, 1, 1}}, {{16, 40, 9, 9}, {40, 1, 9}},
            {{16, 40, 9, 9}, {16, 1, 9, 1}}, {{16, 40, 9, 9}, {16, 40, 9, 9}}, {{300, 1, 257}, {1, 1, 257}},
            {{1, 1}, {1}}, {{}, {}}, {{7}, {}}, {{2, 3, 5000}, {3, 1}},
        };
        var rng = new Rng(2);
        for (int[][] c : cases) {
            Shape xShape = Shape.of(c[0]), outShape = Shape.of(c[1]);
            float[] x = CpuGemmTest.uniform(rng, xShape.size()), start = CpuGemmTest.uniform(rng, outShape.size());
            float[] expected = start.clone();
            Reference.sumTo(x, xShape, expected, outShape);
            for (CpuBackend backend : BACKENDS) {
                float[] actual = start.clone();
                backend.sumTo(x, xShape, actual, outShape);
                assertThat(actual).as("sumTo %s -> %s with %d threads", xShape, outShape, backend.threads()).isEqualTo(expected);
            }
        }
    }
}
