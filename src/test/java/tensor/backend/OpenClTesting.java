package tensor.backend;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import tensor.random.Rng;

/**
 * What the OpenCL equivalence tests share (here and in lassi.*): one backend per JVM (PoCL
 * compiles the kernels once, ~1 s), the skip-or-fail rule when there is no OpenCL device, and the
 * element-wise comparison.
 */
public final class OpenClTesting {
    private static OpenClBackend backend;
    private static String whyNone;

    private OpenClTesting() {}

    /**
     * The shared backend. Without an OpenCL device the calling test is skipped with the reason
     * (also printed, once), or fails when the environment sets LASSI_REQUIRE_OPENCL=1, as CI does.
     */
    public static synchronized OpenClBackend backend() {
        if (backend == null && whyNone == null) {
            OpenClDevices.Discovery found = OpenClDevices.discover();
            if (found.devices().isEmpty()) {
                whyNone = found.whyNone();
                System.out.println("OpenCL equivalence tests: no OpenCL device: " + whyNone);
            } else backend = new OpenClBackend(OpenClDevices.choose());
        }
        if (backend != null) return backend;
        String reason = "no OpenCL device: " + whyNone;
        if ("1".equals(System.getenv("LASSI_REQUIRE_OPENCL")))
            fail(reason + " (LASSI_REQUIRE_OPENCL=1 turns the skip into a failure)");
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    /** Runs {@code launch} and asserts that it ran at least one kernel on the OpenCL device. */
    public static void onDevice(String what, Runnable launch) {
        long before = backend().launches();
        launch.run();
        if (backend().launches() <= before) fail(what + ": no OpenCL kernel completed on the device");
    }

    /** Fails naming the array, index, both values and the tolerance unless |actual − expected| ≤ atol + rtol·|expected|. */
    public static void assertClose(String what, float[] expected, float[] actual, double atol, double rtol) {
        if (expected.length != actual.length) fail(what + ": length " + actual.length + ", expected " + expected.length);
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            boolean same = Double.compare(e, a) == 0 || Math.abs(a - e) <= atol + rtol * Math.abs(e);
            if (!same) fail(what + "[" + i + "]: expected " + e + ", got " + a + " (atol " + atol + ", rtol " + rtol + ")");
        }
    }

    /** n standard-normal floats times {@code scale}. */
    static float[] gaussian(Rng rng, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (scale * rng.nextGaussian());
        return a;
    }
}
