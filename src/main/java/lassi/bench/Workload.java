package lassi.bench;

import java.util.function.Function;
import tensor.backend.Backend;

/**
 * One benchmark: a name from shared/bench/WORKLOADS.md, the floating-point operations of one
 * repetition (2 per multiply-add of the matrix/convolution work; NaN where not meaningful), the
 * least number of warm-up runs before timing (more for workloads that run many distinct code
 * paths, which the JIT compiles only after enough calls), and a preparation step that builds the
 * inputs from a fixed seed and returns the timed repetition.
 */
record Workload(String name, double flops, int warmups, Function<Backend, Runnable> prepare) {
    /** A workload with the default warm-up ({@link Timing#MIN_WARMUPS} runs and one second). */
    Workload(String name, double flops, Function<Backend, Runnable> prepare) {
        this(name, flops, Timing.MIN_WARMUPS, prepare);
    }
}
