package tensor.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tensor.backend.OpenClTesting.onDevice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tensor.Shape;

/** Choosing and describing the OpenCL backend, and launches that Aparapi's own binding gets wrong. */
class OpenClBackendTest {
    @Test void createFollowsDiscovery() {
        OpenClDevices.Discovery found = OpenClDevices.discover();
        if (found.devices().isEmpty()) {
            assertThatThrownBy(() -> Backends.create(Device.OPENCL))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("--device opencl: " + found.whyNone());
        } else {
            Backend backend = Backends.create(Device.OPENCL);
            assertThat(backend.device()).isEqualTo(Device.OPENCL);
            assertThat(backend.describe()).isEqualTo("opencl: " + OpenClDevices.choose().describe());
        }
    }

    @Test void describeNamesTheDevice() {
        OpenClBackend cl = OpenClTesting.backend();
        assertThat(cl.describe()).startsWith("opencl: ").contains(OpenClDevices.choose().device().getName());
    }

    // Aparapi's OpenCLDevice.bind leaks a JNI critical section when an argument's array moves (a
    // new array, or a garbage collection), after which the next collection hangs the JVM; see
    // OpenClKernels. Fresh arrays of changing lengths and forced collections between launches must
    // neither hang nor mix up buffers. (The timeout cannot end a JVM stuck at a safepoint, but
    // names this test when a watchdog such as surefire's fork timeout does.)
    @Test @Timeout(120) void launchesSurviveArraysMovedByTheGarbageCollector() {
        OpenClBackend cl = OpenClTesting.backend();
        for (int round = 0; round < 60; round++) {
            int n = 1 + (round * 37) % 200;
            float[] x = new float[n], y = new float[n];
            for (int i = 0; i < n; i++) x[i] = i - round + 0.5f;
            if (round % 6 == 0) System.gc();
            onDevice("neg round " + round, () -> cl.unary(Unary.NEG, 0f, x, y));
            for (int i = 0; i < n; i++) assertThat(y[i]).as("round %d, y[%d]", round, i).isEqualTo(round - i - 0.5f);
        }
    }

    @Test void shapesThatDoNotBroadcastAreRejectedBeforeTheLaunch() {
        OpenClBackend cl = OpenClTesting.backend();
        assertThatThrownBy(() -> cl.binary(Binary.ADD, new float[3], Shape.of(3), new float[2], Shape.of(2), new float[3], Shape.of(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not broadcast");
        assertThatThrownBy(() -> cl.sumTo(new float[6], Shape.of(2, 3), new float[2], Shape.of(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not broadcast");
    }
}
