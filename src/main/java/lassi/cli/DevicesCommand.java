package lassi.cli;

import com.beust.jcommander.Parameters;
import java.io.PrintStream;
import tensor.backend.CpuBackend;
import tensor.backend.OpenClDevices;

/**
 * {@code lassi devices}: lists the CPU backend and every OpenCL device found, one line each
 * ("opencl\tnone: why" when there is none). {@code --device opencl} picks the first GPU listed,
 * else the first device.
 */
@Parameters(commandDescription = "List the compute devices: the CPU backend and every OpenCL device found")
final class DevicesCommand implements Command {
    @Override public String name() { return "devices"; }

    @Override public int run(PrintStream out, PrintStream err) {
        out.println("cpu\t" + CpuBackend.shared().describe());
        OpenClDevices.Discovery found = OpenClDevices.discover();
        if (found.devices().isEmpty()) out.println("opencl\tnone: " + found.whyNone());
        for (OpenClDevices.Entry e : found.devices()) out.println("opencl\t#" + e.index() + " " + e.describe());
        return 0;
    }
}
