package tensor.backend;

import com.aparapi.ProfileInfo;
import com.aparapi.Range;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.opencl.OpenCLKernel;
import com.aparapi.internal.opencl.OpenCLProgram;
import com.aparapi.opencl.OpenCL;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Binds an interface of hand-written OpenCL kernels, declared as for Aparapi's
 * {@code OpenCLDevice.bind}: {@code @OpenCL.Resource("kernels/x.cl")} on the interface, one
 * method per {@code __kernel} with a {@link Range} first and {@code @GlobalReadOnly},
 * {@code @GlobalWriteOnly}, {@code @GlobalReadWrite} or {@code @Arg} on the other parameters.
 * Every call runs the kernel on the device, copying the arrays in and out; there is no Java
 * fallback, and a kernel that cannot be built or launched throws.
 *
 * <p>DEVIATION from {@code OpenCLDevice.bind} (Aparapi 3.0.2 with aparapi-jni 1.4.3): a bound
 * interface keeps one device buffer per kernel argument and reuses it while the Java array's
 * address is unchanged; when the address changes (another array, or the same array moved by the
 * garbage collector) its native code pins the array twice and releases it once. The leaked JNI
 * critical section blocks the next garbage collection forever: a bound kernel called in a loop
 * hangs the JVM (reproduced). A different array at a reused address would also be copied with the
 * old array's length. So this binder compiles the program once and makes a fresh Aparapi kernel
 * per launch: each array is pinned and released once, into a buffer of its own length.
 *
 * <p>Aparapi's native launch does not report errors to Java (it prints them, and an invalid launch
 * can crash the JVM), so everything that can be checked is checked before the launch: the range
 * is valid for the device, no global size is 0, and every array fits one device buffer. Empty
 * arrays are passed as a 1-element placeholder: a kernel never touches them, and OpenCL has no
 * zero-size buffers. After the launch, the device's profiling events must show that it ran.
 *
 * <p>Known limit of Aparapi's native launch: it releases each array before waiting for the
 * device, so the copy back could race a garbage collection triggered by another thread during the
 * launch. Launches here are serialised per program; avoid heavy allocation on other threads while
 * an OpenCL backend runs.
 */
final class OpenClKernels {
    private OpenClKernels() {}

    /** Compiles the interface's {@code @OpenCL.Resource} for {@code device}; {@code launches} counts completed launches. */
    static <T> T bind(OpenCLDevice device, Class<T> kernels, AtomicLong launches) {
        OpenCL.Resource resource = kernels.getAnnotation(OpenCL.Resource.class);
        if (resource == null) throw new IllegalArgumentException(kernels.getName() + " has no @OpenCL.Resource");
        String file = resource.value();
        OpenCLProgram program = new OpenCLProgram(device, readSource(kernels, file)).createProgram(device);
        for (Method m : kernels.getDeclaredMethods()) {
            OpenCLKernel probe = OpenCLKernel.createKernel(program, m.getName(), List.of());
            if (probe == null)
                throw new IllegalStateException(file + ": kernel '" + m.getName() + "' could not be built for OpenCL device "
                        + device.getName() + " (the OpenCL build log, if any, is printed above)");
            probe.dispose();
        }
        Object proxy = Proxy.newProxyInstance(kernels.getClassLoader(), new Class<?>[] {kernels}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) return objectMethod(self, method, args, file);
            launch(device, program, file, method, args);
            launches.incrementAndGet();
            return null;
        });
        return kernels.cast(proxy);
    }

    private static void launch(OpenCLDevice device, OpenCLProgram program, String file, Method method, Object[] args) {
        String name = file + ": " + method.getName();
        Range range = (Range) args[0];
        for (int d = 0; d < range.getDims(); d++)
            if (range.getGlobalSize(d) <= 0) throw new IllegalArgumentException(name + ": empty launch " + range);
        if (!range.isValid())
            throw new IllegalArgumentException(name + ": launch " + range + " is not valid on " + device.getName()
                    + " (max work-group size " + device.getMaxWorkGroupSize() + ")");
        Object[] deviceArgs = args.clone();
        for (int i = 1; i < deviceArgs.length; i++) {
            int length = deviceArgs[i] instanceof float[] f ? f.length : deviceArgs[i] instanceof int[] n ? n.length : -1;
            if (length == 0) deviceArgs[i] = deviceArgs[i] instanceof float[] ? new float[1] : new int[1];
            if ((long) length * 4 > Math.min(Integer.MAX_VALUE, device.getMaxMemAllocSize()))
                throw new IllegalArgumentException(name + ": argument " + i + " has " + length + " elements, more than one buffer on "
                        + device.getName() + " holds (" + device.getMaxMemAllocSize() + " bytes)");
        }
        synchronized (program) {
            OpenCLKernel kernel = OpenCLKernel.createKernel(program, method.getName(), device.getArgs(method));
            if (kernel == null) throw new IllegalStateException(name + ": could not create the OpenCL kernel on " + device.getName());
            try {
                kernel.invoke(deviceArgs);
                List<ProfileInfo> events = program.getProfileInfo();
                boolean ran = !events.isEmpty() && events.stream().allMatch(e -> e.getStart() > 0 && e.getEnd() >= e.getStart());
                if (!ran) throw new IllegalStateException(name + ": the launch " + range + " did not complete on " + device.getName());
            } finally {
                kernel.dispose();
            }
        }
    }

    private static String readSource(Class<?> kernels, String file) {
        try (InputStream in = kernels.getClassLoader().getResourceAsStream(file)) {
            if (in == null) throw new IllegalStateException("OpenCL source " + file + " is not on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading OpenCL source " + file, e);
        }
    }

    private static Object objectMethod(Object self, Method method, Object[] args, String file) {
        return switch (method.getName()) {
            case "equals" -> self == args[0];
            case "hashCode" -> System.identityHashCode(self);
            default -> "OpenCL kernels from " + file;
        };
    }
}
