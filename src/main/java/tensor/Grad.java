package tensor;

/**
 * Whether operations record the graph for backward. Recording is on by default; a
 * {@link #disabled()} scope turns it off for the current thread (evaluation, attacks,
 * initialisation), like PyTorch's {@code torch.no_grad()}.
 *
 * <pre>{@code try (var scope = Grad.disabled()) { ... } }</pre>
 */
public final class Grad {
    private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Grad() {}

    public static boolean enabled() {
        return DISABLED_DEPTH.get()[0] == 0;
    }

    /** A scope in which no op records a graph node. Scopes nest. */
    public static Scope disabled() {
        int[] depth = DISABLED_DEPTH.get();
        depth[0]++;
        return () -> depth[0]--;
    }

    /** An AutoCloseable without checked exceptions. */
    public interface Scope extends AutoCloseable {
        @Override void close();
    }
}
