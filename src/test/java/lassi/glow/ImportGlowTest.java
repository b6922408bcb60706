package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tensor.Golden;
import tensor.Grad;
import tensor.Tensor;
import tensor.io.NpyArray;

/**
 * Golden test of {@code lassi import} (scripts/fixtures/reference_glow.py): state dicts saved by
 * torch.save from a Glow with glow-pytorch's exact module structure and names (ActNorm initialised on
 * a batch, zero-initialised weights perturbed) are imported, the architecture inferred, and the
 * imported model must reproduce PyTorch's log_p, logdet and every z on a fresh batch.
 * Tolerances as GlowGoldenTest (both sides float32, different summation orders): z and
 * reverse(z) 1e-5 absolute, log_p and logdet 1e-4 absolute plus 2e-6 relative (values of a few
 * hundred). Measured worst deviations: z 1.8e-6, reverse 2.8e-7, log_p 9.2e-5 on ~400 (tolerance
 * 9e-4), logdet 1.5e-5 on ~240.
 */
class ImportGlowTest {
    private static final String TOPIC = "reference_glow";

    private static Path file(String name) {
        return Golden.path(TOPIC, name);
    }

    @ParameterizedTest @ValueSource(strings = {"glow", "affine", "plain"})
    void importedModelReproducesPyTorch(String variant) throws Exception {
        Map<String, NpyArray> expected = Golden.npz(TOPIC, (variant.equals("glow") ? "" : variant + "_") + "expected.npz", 1);
        long[] c = expected.get("config").toLongs();
        GlowImport.Imported imported = GlowImport.read(file(variant + ".pt"), (int) c[0]);
        Glow glow = imported.glow();
        assertThat(glow.config()).isEqualTo(new GlowConfig((int) c[0], (int) c[1], (int) c[2], (int) c[3], c[4] == 1, c[5] == 1));
        assertThat(imported.dataParallel()).isFalse();
        assertThat(imported.sha256()).matches("[0-9a-f]{64}");
        assertReproduces(glow, expected);
    }

    private static void assertReproduces(Glow glow, Map<String, NpyArray> expected) {
        try (var scope = Grad.disabled()) {
            Tensor x = expected.get("x").toTensor();
            Glow.Output out = glow.forward(x);
            Golden.assertClose("log_p", out.logP(), expected.get("log_p"), 1e-4, 2e-6);
            Golden.assertClose("logdet", out.logdet(), expected.get("logdet"), 1e-4, 2e-6);
            for (int b = 0; b < out.zs().size(); b++) Golden.assertClose("z." + b, out.zs().get(b), expected.get("z." + b), 1e-5, 0);
            assertThat(expected).doesNotContainKey("z." + out.zs().size());
            Golden.assertClose("reverse(forward(x))", glow.reverse(out.zs(), true), expected.get("x"), 1e-5, 0);
        }
    }

    @Test void inferenceReadsTheArchitectureOffTheWeights() throws Exception {
        assertThat(GlowImport.read(file("glow.pt"), 8).glow().config().describe()).isEqualTo("S 8, L 2, K 2, F 8, additive, LU");
        assertThat(GlowImport.read(file("affine.pt"), 16).glow().config().describe()).isEqualTo("S 16, L 2, K 2, F 8, affine, LU");
        assertThat(GlowImport.read(file("plain.pt"), 4).glow().config().describe()).isEqualTo("S 4, L 2, K 1, F 4, additive, free 1x1");
        assertThat(GlowImport.read(file("small.pt"), 2).glow().config().describe()).isEqualTo("S 2, L 1, K 1, F 2, additive, LU");
    }

    @Test void dataParallelPrefixIsRemoved() throws Exception {
        GlowImport.Imported plain = GlowImport.read(file("small.pt"), 2);
        GlowImport.Imported prefixed = GlowImport.read(file("dataparallel.pt"), 2);
        assertThat(prefixed.dataParallel()).isTrue();
        assertThat(prefixed.sha256()).isNotEqualTo(plain.sha256());
        Map<String, Tensor> a = plain.glow().stateDict(), b = prefixed.glow().stateDict();
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        a.forEach((name, t) -> assertThat(b.get(name).data()).as(name).containsExactly(t.data()));
    }

    @Test void theWrittenDirectoryLoadsAsTheSameModel(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("imported");
        GlowImport.Imported imported = GlowImport.run(new GlowImportOptions(file("glow.pt"), 8, out));
        GlowDirectory directory = new GlowDirectory(out);
        GlowDirectory.Header header = directory.header();
        assertThat(header.profile()).isEqualTo("imported");
        assertThat(header.config()).isEqualTo(imported.glow().config());
        assertThat(header.importedFrom()).isEqualTo(new GlowDirectory.Source(file("glow.pt").toString(), imported.sha256()));
        assertThat(header.options()).isNull();
        assertReproduces(directory.loadGlow(), Golden.npz(TOPIC, "expected.npz", 1));
        List<ActNorm> actNorms = directory.loadGlow().actNorms();
        assertThat(actNorms).hasSize(4).allMatch(ActNorm::isInitialized);
    }
}
