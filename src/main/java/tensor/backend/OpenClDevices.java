package tensor.backend;

import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.opencl.OpenCLLoader;
import com.aparapi.internal.opencl.OpenCLPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The OpenCL devices on this machine, through Aparapi, and the choice {@code --device opencl}
 * makes: the first GPU, else the first device. A machine without an OpenCL runtime or without a
 * device gives a one-line reason, never a stack trace.
 */
public final class OpenClDevices {
    private OpenClDevices() {}

    /** One OpenCL device, numbered in discovery order (platform by platform). */
    public record Entry(int index, String platform, OpenCLDevice device) {
        /** E.g. "Portable<CPU> pthread-skylake-avx512 (Portable Computing Language), 2 compute units, 21.5 GiB". */
        public String describe() {
            return String.format(Locale.ROOT, "%s %s (%s), %d compute units, %.1f GiB",
                    device.getShortDescription(), device.getName(), platform,
                    device.getMaxComputeUnits(), device.getGlobalMemSize() / (double) (1L << 30));
        }

        public boolean isGpu() { return device.getType() == com.aparapi.device.Device.TYPE.GPU; }
    }

    /** The devices found, or when there are none, why ({@code whyNone} is null when devices exist). */
    public record Discovery(List<Entry> devices, String whyNone) {}

    /** Lists every OpenCL device of every platform. */
    public static Discovery discover() {
        if (!OpenCLLoader.isOpenCLAvailable())
            return new Discovery(List.of(), "the OpenCL runtime could not be loaded (libOpenCL.so.1 missing?"
                    + " On Debian: apt-get install ocl-icd-libopencl1 and a driver, e.g. pocl-opencl-icd)");
        List<Entry> devices = new ArrayList<>();
        for (OpenCLPlatform p : new OpenCLPlatform().getOpenCLPlatforms())
            for (OpenCLDevice d : p.getOpenCLDevices()) devices.add(new Entry(devices.size(), p.getName(), d));
        if (devices.isEmpty())
            return new Discovery(List.of(), "no OpenCL device found (the loader found no platform with a device;"
                    + " is a driver such as pocl-opencl-icd installed and listed in /etc/OpenCL/vendors?)");
        return new Discovery(List.copyOf(devices), null);
    }

    /** The device {@code --device opencl} runs on: the first GPU, else the first device. */
    public static Entry choose() {
        Discovery found = discover();
        if (found.devices().isEmpty()) throw new IllegalArgumentException("--device opencl: " + found.whyNone());
        return found.devices().stream().filter(Entry::isGpu).findFirst().orElse(found.devices().get(0));
    }
}
