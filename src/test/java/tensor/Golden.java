package tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import tensor.io.NpyArray;
import tensor.io.Npz;

/**
 * Committed fixtures under src/test/resources/fixtures/&lt;topic&gt;/ (made by
 * scripts/fixtures/&lt;topic&gt;.py) and the comparison golden tests use: |actual − expected| ≤
 * atol + rtol·|expected| per element, a failure naming the array, the index, both values and the
 * tolerance.
 */
public final class Golden {
    private Golden() {}

    public static Path path(String topic, String name) {
        var url = Golden.class.getResource("/fixtures/" + topic + "/" + name);
        if (url == null) throw new IllegalStateException("missing fixture fixtures/" + topic + "/" + name
                + "; regenerate with: /usr/bin/python3 scripts/make_fixtures.py " + topic);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The arrays of a fixture archive, after checking its format_version. */
    public static Map<String, NpyArray> npz(String topic, String name, long formatVersion) {
        try {
            Map<String, NpyArray> arrays = Npz.read(path(topic, name));
            NpyArray version = arrays.get("format_version");
            if (version == null || version.toLongs()[0] != formatVersion)
                throw new IllegalStateException("fixtures/" + topic + "/" + name + ": expected format_version " + formatVersion
                        + ", found " + (version == null ? "none" : version.toLongs()[0]));
            return arrays;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertClose(String what, float[] actual, NpyArray expected, double atol, double rtol) {
        double[] e = expected.toDoubles();
        if (actual.length != e.length)
            throw new AssertionError(what + ": " + actual.length + " values, expected " + e.length + " (shape " + java.util.Arrays.toString(expected.shape()) + ")");
        for (int i = 0; i < e.length; i++) {
            double tol = atol + rtol * Math.abs(e[i]);
            if (!(Math.abs(actual[i] - e[i]) <= tol))
                throw new AssertionError(String.format("%s[%d]: expected %.8g, actual %.8g, |diff| %.3g > tol %.3g (atol %.1g, rtol %.1g)",
                        what, i, e[i], actual[i], Math.abs(actual[i] - e[i]), tol, atol, rtol));
        }
    }

    /** Also checks the shape. */
    public static void assertClose(String what, Tensor actual, NpyArray expected, double atol, double rtol) {
        if (!actual.shape().equals(Shape.of(expected.shape())))
            throw new AssertionError(what + ": shape " + actual.shape() + ", expected " + Shape.of(expected.shape()));
        assertClose(what, actual.data(), expected, atol, rtol);
    }
}
