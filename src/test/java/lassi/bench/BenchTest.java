package lassi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tensor.backend.Device;
import tensor.random.Rng;

/** The runner's contract with WORKLOADS.md: workload names and the shape of a result line (no timing here). */
class BenchTest {
    @Test void knowsTheWorkloadsOfWorkloadsMd() {
        assertThat(Bench.workloads().stream().map(Workload::name)).containsExactly(
                "sgemm_512", "sgemm_1024", "sgemm_2048",
                "conv3x3_s16_fwd_bwd", "conv1x1_s16_fwd_bwd", "conv3x3_paper_fwd_bwd",
                "glow_s16_latents", "glow_s16_train_step", "glow_m32_train_step");
    }

    @Test void flopsCountTwoPerMultiplyAdd() {
        assertThat(SgemmWorkloads.square(1024).flops()).isEqualTo(2.0 * 1024 * 1024 * 1024);
        // conv1x1_s16: 64 images · 64 outputs · 8·8 pixels · 64 inputs, three passes
        assertThat(Bench.workloads().get(4).flops()).isEqualTo(3 * 2.0 * 64 * 64 * 64 * 64);
    }

    @Test void glowWorkloadsWarmUpLongerOnQuantisedImages() {
        for (Workload w : Bench.workloads())
            assertThat(w.warmups()).as(w.name()).isEqualTo(w.name().startsWith("glow_s16") ? GlowWorkloads.WARMUPS_S16
                    : w.name().startsWith("glow_m32") ? GlowWorkloads.WARMUPS_M32 : Timing.MIN_WARMUPS);
        float[] v = GlowWorkloads.quantisedImages(new Rng(1), 4).data();
        assertThat(v).hasSize(GlowWorkloads.BATCH * 3 * 4 * 4);
        for (float x : v) assertThat(x * 32 + 16).as("on the 5-bit grid: %s", x).isBetween(0f, 31f).isEqualTo((float) Math.rint(x * 32 + 16));
    }

    @Test void resultLineIsOneJsonObjectWithTheDocumentedFields() throws Exception {
        String line = Bench.jsonLine("sgemm_1024", new Timing.Result(0.0123, 0.0119, 7), 174.2345678, Device.CPU, 2);
        JsonNode json = new ObjectMapper().readTree(line);
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("name", "seconds_median", "seconds_min", "reps", "gflops", "device", "threads");
        assertThat(json.get("gflops").asDouble()).isEqualTo(174.235);
        assertThat(json.get("device").asText()).isEqualTo("cpu");
        JsonNode nulls = new ObjectMapper().readTree(Bench.jsonLine("x", new Timing.Result(1, 1, 5), Double.NaN, Device.OPENCL, null));
        assertThat(nulls.get("gflops").isNull()).isTrue();
        assertThat(nulls.get("threads").isNull()).isTrue();
    }
}
