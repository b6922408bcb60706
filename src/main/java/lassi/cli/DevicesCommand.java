package lassi.cli;

import com.beust.jcommander.Parameters;
import java.io.PrintStream;
import tensor.backend.CpuBackend;

/** {@code lassi devices}: lists the CPU backend and every OpenCL device found. */
@Parameters(commandDescription = "List the compute devices: the CPU backend and every OpenCL device found")
final class DevicesCommand implements Command {
    @Override public String name() { return "devices"; }

    @Override public int run(PrintStream out, PrintStream err) {
        out.println("cpu\t" + CpuBackend.shared().describe());
        return 0;
    }
}
