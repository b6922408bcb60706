package lassi.bench;

import com.beust.jcommander.IStringConverter;
import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParameterException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lassi.BadInput;
import tensor.backend.Backend;
import tensor.backend.Backends;
import tensor.backend.CpuBackend;
import tensor.backend.Device;

/**
 * The benchmark runner behind {@code scripts/bench} (shared/bench/WORKLOADS.md): runs the
 * selected workloads and prints one JSON object per line on stdout, nothing else; progress goes
 * to stderr. Example: {@code scripts/bench --only sgemm --device cpu}.
 */
public final class Bench {
    @Parameter(names = "--only", description = "Run only the workloads whose name contains this substring")
    private String only = "";

    @Parameter(names = "--device", description = "Backend to measure: cpu or opencl", converter = DeviceConverter.class)
    private Device device = Device.CPU;

    @Parameter(names = "--threads", description = "CPU worker threads (default: all cores; --device cpu only)")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Parameter(names = "--list", description = "Print the names of the selected workloads (after checking the flags) and exit")
    private boolean list;

    @Parameter(names = {"--help", "-h"}, help = true, description = "Show this help")
    private boolean help;

    private Bench() {}

    /** Every workload this runner knows, in the order of WORKLOADS.md. */
    static List<Workload> workloads() {
        List<Workload> all = new ArrayList<>(SgemmWorkloads.all());
        all.addAll(ConvWorkloads.all());
        all.addAll(GlowWorkloads.all());
        return all;
    }

    /**
     * The one place where a --device value becomes a backend: a CPU backend with --threads
     * workers, or {@link Backends#create}'s OpenCL backend (which says why when there is no
     * OpenCL device).
     */
    static Backend backend(Device device, int threads) {
        return switch (device) {
            case CPU -> new CpuBackend(threads);
            case OPENCL -> Backends.create(Device.OPENCL);
        };
    }

    public static void main(String[] args) {
        Bench bench = new Bench();
        JCommander jc = JCommander.newBuilder().addObject(bench).programName("scripts/bench").build();
        try {
            jc.parse(args);
            if (bench.threads < 1) throw new ParameterException("--threads must be >= 1, got " + bench.threads);
        } catch (ParameterException e) {
            System.err.println("bench: error: " + e.getMessage());
            System.exit(2);
        }
        if (bench.help) {
            jc.usage();
            return;
        }
        try {
            bench.run();
        } catch (BadInput | IllegalArgumentException e) {
            System.err.println("bench: error: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() {
        Backend backend = backend(device, threads);
        List<Workload> selected = workloads().stream().filter(w -> w.name().contains(only)).toList();
        if (selected.isEmpty()) throw new BadInput("--only '" + only + "' matches no workload");
        if (list) {
            selected.forEach(w -> System.out.println(w.name()));
            return;
        }
        System.err.println("bench: " + backend.describe());
        try (var scope = Backends.use(backend)) {                    // for the workloads that go through the ops
            for (Workload w : selected) {
                System.err.println("bench: " + w.name() + " ...");
                Timing.Result r = Timing.measure(w.prepare().apply(backend), w.warmups());
                double gflops = Double.isNaN(w.flops()) ? Double.NaN : w.flops() / r.secondsMedian() / 1e9;
                System.out.println(jsonLine(w.name(), r, gflops, device, device == Device.CPU ? threads : null));
                System.out.flush();
            }
        }
    }

    /**
     * The result line of WORKLOADS.md; gflops from the median time (NaN prints as null); threads
     * is null where no CPU worker threads do the work (OpenCL).
     */
    static String jsonLine(String name, Timing.Result r, double gflops, Device device, Integer threads) {
        return String.format(Locale.ROOT,
                "{\"name\": \"%s\", \"seconds_median\": %s, \"seconds_min\": %s, \"reps\": %d, \"gflops\": %s, \"device\": \"%s\", \"threads\": %s}",
                name, number(r.secondsMedian()), number(r.secondsMin()), r.reps(), number(gflops), device, threads);
    }

    /** --device values through {@link Device#parse}, so a bad value is a flag error. */
    public static final class DeviceConverter implements IStringConverter<Device> {
        @Override public Device convert(String value) {
            try {
                return Device.parse(value);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(e.getMessage());
            }
        }
    }

    /** A JSON number with 6 significant digits, or null. */
    private static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "null";
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
