package lassi.bench;

import java.util.function.Function;
import tensor.backend.Backend;

/**
 * One benchmark: a name from shared/bench/WORKLOADS.md, the floating-point operations of one
 * repetition (2 per multiply-add of the matrix/convolution work; NaN where not meaningful), and
 * a preparation step that builds the inputs from a fixed seed and returns the timed repetition.
 */
record Workload(String name, double flops, Function<Backend, Runnable> prepare) {}
