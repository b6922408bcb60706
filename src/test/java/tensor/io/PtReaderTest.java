package tensor.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tensor.Tensor;

/**
 * Reads the files scripts/fixtures/pt.py wrote with torch.save (torch 1.13, zip format) and
 * compares every tensor with the values PyTorch printed. Floats must match bit for bit: the
 * reader copies bytes, and the only conversions (float16 → float32 exactly, float64 → float32
 * rounded) are the ones Java's casts perform.
 */
@SuppressWarnings("unchecked")
class PtReaderTest {

    /** One line of a *_expected.txt: name dtype [d0,d1,...] values... */
    private record Expected(String name, String dtype, int[] dims, String[] values) {}

    @Test
    void stateDictMatchesTorchInValuesShapesDtypesAndOrder() throws Exception {
        assertMatches(PtReader.readStateDict(fixture("state_dict.pt")), expected("state_dict_expected.txt"));
    }

    @Test
    void coversEveryDtypeAndTheGlowBufferLayouts() throws Exception {
        Map<String, PtTensor> sd = PtReader.readStateDict(fixture("state_dict.pt"));
        assertThat(sd.values().stream().map(t -> t.dtype().toString()).distinct().sorted())
                .containsExactly("bool", "float16", "float32", "float64", "int32", "int64", "uint8");
        PtTensor initialized = sd.get("flows.1.actnorm.initialized");
        assertThat(initialized.dtype()).isEqualTo(PtTensor.Dtype.UINT8);
        assertThat(initialized.shape().rank()).isZero();
        assertThat(initialized.longs()).containsExactly(1L);
        assertThat(initialized.toTensor().item()).isEqualTo(1f);
        assertThat(sd.get("mask_bool").toTensor().data()).containsExactly(1f, 0f, 0f, 1f);
        assertThat(sd.get("step").longs()).containsExactly(12345L);
        assertThat(sd.get("scalar").toTensor().item()).isEqualTo(2.5f);
        assertThat(sd.get("empty").shape().dims()).containsExactly(0, 3);
        assertThat(sd.get("flows.0.invconv.l_mask").toTensor().shape().dims()).containsExactly(4, 4);
        assertThat(sd).doesNotContainKey("_metadata");
    }

    @Test
    void viewsAreMaterialisedFromTheSharedStorage() throws Exception {
        Map<String, PtTensor> sd = PtReader.readStateDict(fixture("state_dict.pt"));
        // base = arange(24).reshape(4, 6); the views below share its storage.
        assertThat(sd.get("shared.block").toTensor().data()).containsExactly(8, 9, 10, 14, 15, 16);
        assertThat(sd.get("shared.column").toTensor().data()).containsExactly(3, 9, 15, 21);
        assertThat(sd.get("shared.every_other").toTensor().data()).containsExactly(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23);
        assertThat(sd.get("transposed").shape().dims()).containsExactly(5, 3);
        float[] expanded = sd.get("expanded").toTensor().data();         // [3, 4] from [3, 1], stride 0
        for (int r = 0; r < 3; r++)
            for (int c = 1; c < 4; c++) assertThat(expanded[4 * r + c]).isEqualTo(expanded[4 * r]);
    }

    @Test
    void readsParametersPickledThroughRebuildParameter() throws Exception {
        assertMatches(PtReader.readStateDict(fixture("parameters.pt")), expected("parameters_expected.txt"));
    }

    @Test
    void callerNavigatesIntoAWrappedCheckpoint() throws Exception {
        Path file = fixture("wrapped.pt");
        assertMatches(PtReader.readStateDict(file, "model"), expected("wrapped_expected.txt"));

        Map<Object, Object> top = (Map<Object, Object>) PtReader.load(file);
        assertThat(top.keySet()).containsExactly("model", "epoch", "optimizer");
        assertThat(top.get("epoch")).isEqualTo(7L);
        Map<Object, Object> optimizer = (Map<Object, Object>) top.get("optimizer");
        assertThat(optimizer.get("lr")).isEqualTo(1e-4);
        assertThat((List<Object>) optimizer.get("betas")).containsExactly(0.9, 0.999);
        assertThat((List<Object>) optimizer.get("params")).containsExactly(0L, 1L);

        assertOneLineError(() -> PtReader.readStateDict(file), file,
                "the top level is not a state dict: entry 'model' is a dict, not a tensor (keys: model, epoch, optimizer); pass the key(s)");
        assertOneLineError(() -> PtReader.readStateDict(file, "state_dict"), file,
                "no key 'state_dict' in the top level (keys: model, epoch, optimizer)");
        assertOneLineError(() -> PtReader.readStateDict(file, "epoch", "x"), file, "['epoch'] is an int, not a dict");
    }

    @Test
    void legacyFormatIsRefusedWithAHint() {
        Path file = fixture("legacy.pt");
        assertOneLineError(() -> PtReader.load(file), file,
                file + ": legacy (pre-1.6) torch.save format is not supported; re-save with torch>=1.6 (zip format)");
    }

    @Test
    void forbiddenGlobalIsRefusedWithoutRunningAnything() {
        Path file = fixture("forbidden_global.pt");             // pickles os.getcwd (module 'posix' on Linux)
        assertOneLineError(() -> PtReader.load(file), file,
                "unsupported pickle global 'posix.getcwd' in " + file + ": only state dicts of tensors are read");
    }

    @Test
    void corruptAndNonZipFilesAreRefused() {
        Path corrupt = fixture("corrupt.pt"), text = fixture("not_a_zip.pt");
        assertOneLineError(() -> PtReader.load(corrupt), corrupt, corrupt + ": corrupt or truncated zip archive");
        assertOneLineError(() -> PtReader.load(text), text, text + ": not a torch.save file (expected a zip archive");
        Path missing = corrupt.resolveSibling("no_such.pt");
        assertOneLineError(() -> PtReader.load(missing), missing, missing + ": no such file");
    }

    @Test
    void zipsThatTorchDidNotWriteAreRefused() {
        Path bigEndian = fixture("big_endian.pt"), plain = fixture("plain_zip.pt");
        assertOneLineError(() -> PtReader.load(bigEndian), bigEndian,
                bigEndian + ": storages are not little-endian (wrapped/byteorder); only little-endian is supported");
        assertOneLineError(() -> PtReader.load(plain), plain,
                plain + ": expected one <archive>/data.pkl entry as torch.save writes, found 0");
    }

    @Test
    void missingOrTruncatedStorageIsNamed() {
        Path missing = fixture("missing_storage.pt"), truncated = fixture("truncated_storage.pt");
        assertOneLineError(() -> PtReader.load(missing), missing,
                missing + ": missing storage entry 'wrapped/data/0' (referenced by data.pkl)");
        assertOneLineError(() -> PtReader.load(truncated), truncated,
                truncated + ": storage entry 'wrapped/data/0' is truncated: 5 bytes, expected 12 (3 float32 values)");
    }

    @Test
    void integerAccessOnAFloatTensorIsRefused() throws Exception {
        PtTensor loc = PtReader.readStateDict(fixture("wrapped.pt"), "model").get("loc");
        assertThatThrownBy(loc::longs).hasMessage("a float32 tensor has no exact integer values; use toTensor()");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void assertMatches(Map<String, PtTensor> actual, List<Expected> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.stream().map(Expected::name).toList());
        for (Expected e : expected) {
            PtTensor t = actual.get(e.name());
            assertThat(t.dtype().toString()).as("dtype of %s", e.name()).isEqualTo(e.dtype());
            assertThat(t.shape().dims()).as("shape of %s", e.name()).containsExactly(e.dims());
            Tensor values = t.toTensor();
            assertThat(values.shape()).isEqualTo(t.shape());
            if (t.dtype().isFloatingPoint()) {
                for (int i = 0; i < e.values().length; i++) {
                    float want = (float) parseDouble(e.values()[i]);
                    assertThat(Float.floatToIntBits(values.data()[i])).as("%s[%d]: expected %s, got %s", e.name(), i, want, values.data()[i])
                            .isEqualTo(Float.floatToIntBits(want));
                }
            } else {
                long[] want = Arrays.stream(e.values()).mapToLong(Long::parseLong).toArray();
                assertThat(t.longs()).as("values of %s", e.name()).containsExactly(want);
                for (int i = 0; i < want.length; i++) assertThat(values.data()[i]).isEqualTo((float) want[i]);
            }
        }
    }

    private static double parseDouble(String token) {
        return switch (token) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(token);
        };
    }

    private static List<Expected> expected(String name) throws IOException {
        List<String> lines = Files.readAllLines(fixture(name));
        assertThat(lines.get(0)).isEqualTo("format_version 1");
        List<Expected> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] tokens = line.split(" ");
            String dims = tokens[2].substring(1, tokens[2].length() - 1);
            int[] shape = dims.isEmpty() ? new int[0] : Arrays.stream(dims.split(",")).mapToInt(Integer::parseInt).toArray();
            out.add(new Expected(tokens[0], tokens[1], shape, Arrays.copyOfRange(tokens, 3, tokens.length)));
        }
        return out;
    }

    private static void assertOneLineError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Path file, String part) {
        assertThatThrownBy(call).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(part)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static Path fixture(String name) {
        URL url = PtReaderTest.class.getResource("/fixtures/pt/" + name);
        if (url == null) throw new IllegalStateException("missing fixture fixtures/pt/" + name + "; run /usr/bin/python3 scripts/make_fixtures.py pt");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
