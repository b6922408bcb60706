package lassi.cli;

import com.beust.jcommander.Parameter;
import tensor.backend.Backend;
import tensor.backend.Backends;
import tensor.backend.Device;

/**
 * The {@code --device} flag every glow command shares ({@code @ParametersDelegate}): the one place
 * where its value becomes the backend the command runs on. The choice is explicit and never falls
 * back: {@code --device opencl} without an OpenCL device stops the command with one line saying
 * why, and a backend method that cannot run on OpenCL throws. The command writes
 * {@link Backend#describe()} into its header or output line.
 */
final class DeviceOption {
    @Parameter(names = "--device", description = "cpu, or opencl: the first OpenCL GPU, else the first OpenCL device "
            + "(no fallback to the cpu)")
    private String device = "cpu";

    /** A body that runs with the chosen backend current. */
    interface Body {
        int run(Backend backend) throws Exception;
    }

    /** The parsed value; throws IllegalArgumentException naming the flag for anything but cpu or opencl. */
    Device device() {
        return Device.parse(device);
    }

    /** Builds the chosen backend and runs {@code body} with it current; the previous backend is restored afterwards. */
    int run(Body body) throws Exception {
        Backend backend = Backends.create(device());
        try (var scope = Backends.use(backend)) {
            return body.run(backend);
        }
    }
}
