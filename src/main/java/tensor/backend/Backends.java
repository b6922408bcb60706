package tensor.backend;

/**
 * The backend the ops use. It is the CPU backend until a program chooses another with
 * {@link #use}, once, from an explicit {@code --device} option; the choice is then written into
 * every output header through {@link Backend#describe()}.
 */
public final class Backends {
    private static volatile Backend current;

    private Backends() {}

    public static Backend current() {
        Backend b = current;
        if (b == null) {
            synchronized (Backends.class) {
                if (current == null) current = CpuBackend.shared();
                b = current;
            }
        }
        return b;
    }

    /**
     * Builds the backend for a {@code --device} choice: the shared CPU backend, or an OpenCL
     * backend on the first OpenCL GPU, else the first OpenCL device. Without an OpenCL device this
     * throws an IllegalArgumentException whose message says why (no runtime, no device).
     */
    public static Backend create(Device device) {
        return switch (device) {
            case CPU -> CpuBackend.shared();
            case OPENCL -> new OpenClBackend(OpenClDevices.choose());
        };
    }

    /** Makes {@code backend} current; closing the scope restores the previous one (for tests). */
    public static Scope use(Backend backend) {
        Backend previous = current();
        current = backend;
        return () -> current = previous;
    }

    /** An AutoCloseable without checked exceptions. */
    public interface Scope extends AutoCloseable {
        @Override void close();
    }
}
