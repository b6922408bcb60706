package lassi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tensor.backend.OpenClDevices;

class DevicesCommandTest {
    @Test void listsTheCpuThenEveryOpenClDeviceOrWhyThereIsNone() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"devices"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines[0]).startsWith("cpu\tcpu: ");
        OpenClDevices.Discovery found = OpenClDevices.discover();
        if (found.devices().isEmpty()) {
            assertThat(lines).hasSize(2);
            assertThat(lines[1]).isEqualTo("opencl\tnone: " + found.whyNone());
        } else {
            assertThat(lines).hasSize(1 + found.devices().size());
            for (OpenClDevices.Entry e : found.devices())
                assertThat(lines[1 + e.index()]).isEqualTo("opencl\t#" + e.index() + " " + e.describe());
        }
    }
}
