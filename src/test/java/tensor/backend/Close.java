package tensor.backend;

import static org.assertj.core.api.Assertions.fail;

/** Element-wise |actual − expected| ≤ atol + rtol·|expected|; a failure names the array, index and values. */
final class Close {
    private Close() {}

    static void assertClose(String what, float[] expected, float[] actual, double atol, double rtol) {
        if (expected.length != actual.length) fail("%s: length %d, expected %d", what, actual.length, expected.length);
        for (int i = 0; i < expected.length; i++) {
            double tol = atol + rtol * Math.abs(expected[i]);
            if (!(Math.abs(actual[i] - expected[i]) <= tol))
                fail("%s: [%d] expected %s, got %s (tolerance %s)", what, i, expected[i], actual[i], tol);
        }
    }
}
