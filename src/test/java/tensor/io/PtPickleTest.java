package tensor.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-assembled pickles for the opcodes and refusals that the torch.save fixtures do not reach
 * (see PtReaderTest for real files). Opcodes are written as in Python's pickletools.
 */
@SuppressWarnings("unchecked")
class PtPickleTest {
    private static final String FILE = "test.pt";
    private static final PtPickle.StorageLoader NO_STORAGES = (dtype, key, numel) -> {
        throw new AssertionError("no storage expected");
    };

    @Test
    void forbiddenGlobalsAreRefusedBeforeAnythingIsCalled() {
        byte[] viaGlobal = pickle(0x80, 2, 'c', "os\nsystem\n", 0x8c, 4, "true", 0x85, 'R', '.');
        assertThatThrownBy(() -> unpickle(viaGlobal))
                .hasMessage("unsupported pickle global 'os.system' in test.pt: only state dicts of tensors are read");
        byte[] viaStackGlobal = pickle(0x80, 4, 0x8c, 8, "builtins", 0x8c, 4, "eval", 0x93, '.');
        assertThatThrownBy(() -> unpickle(viaStackGlobal))
                .hasMessage("unsupported pickle global 'builtins.eval' in test.pt: only state dicts of tensors are read");
        byte[] torchButNotAStorage = pickle(0x80, 2, 'c', "torch\nload\n", '.');
        assertThatThrownBy(() -> unpickle(torchButNotAStorage)).hasMessageContaining("unsupported pickle global 'torch.load'");
    }

    @Test
    void plainValuesMemoAndContainers() throws IOException {
        byte[] p = pickle(0x80, 2, 0x95, le64(0), '}', 'q', 0, '(',
                0x8c, 1, "a", 0x8a, 6, new byte[] {0, 0, 0, 0, 0, (byte) 0xff},   // LONG1 -2^40
                0x8c, 1, "b", 0x8a, 0,                                                // LONG1 of no bytes = 0
                0x8c, 1, "c", 'J', le32(-5),
                0x8c, 1, "d", 'M', new byte[] {(byte) 0xe8, 3},                       // BININT2 1000
                0x8c, 1, "e", 'G', be64(0.1),
                0x8c, 1, "f", ']', 0x94, '(', 0x88, 0x89, 'N', 'e', 'K', 9, 'a',      // [True, False, None, 9]
                0x8c, 1, "g", 'h', 0,                                                 // the dict itself, from the memo
                0x8c, 1, "h", 'j', le32(1),                                           // the list, memoized by MEMOIZE
                'X', le32(3), "\u00e9t".getBytes(StandardCharsets.UTF_8), 'K', 1, 'K', 2, 0x86,     // tuple (1, 2)
                'u', '.');
        Map<Object, Object> top = (Map<Object, Object>) unpickle(p);
        assertThat(top.keySet()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "\u00e9t");
        assertThat(top.get("a")).isEqualTo(-(1L << 40));
        assertThat(top.get("b")).isEqualTo(0L);
        assertThat(top.get("c")).isEqualTo(-5L);
        assertThat(top.get("d")).isEqualTo(1000L);
        assertThat(top.get("e")).isEqualTo(0.1);
        assertThat((List<Object>) top.get("f")).containsExactly(true, false, null, 9L);
        assertThat(top.get("g")).isSameAs(top);
        assertThat(top.get("h")).isSameAs(top.get("f"));
        assertThat((List<Object>) top.get("\u00e9t")).containsExactly(1L, 2L);
    }

    @Test
    void orderedDictFromNewObjAndMetadataIsDropped() throws IOException {
        byte[] p = pickle(0x80, 2, 'c', "collections\nOrderedDict\n", ')', 0x81,
                0x8c, 1, "k", 'K', 3, 's',
                '}', 0x8c, 9, "_metadata", '}', 's', 'b', '.');
        assertThat((Map<Object, Object>) unpickle(p)).containsExactly(Map.entry("k", 3L));
    }

    @Test
    void rebuildTensorHonoursOffsetAndStrides() throws IOException {
        // storage [0, 1, 2, 3, 4, 5] seen as [[0, 1, 2], [3, 4, 5]] transposed: size (3, 2), stride (1, 3)
        PtTensor t = (PtTensor) unpickle(rebuild(3, 2, 1, 3, 0), (dtype, key, numel) -> floats(dtype, key, numel, 0, 1, 2, 3, 4, 5));
        assertThat(t.shape().dims()).containsExactly(3, 2);
        assertThat(t.toTensor().data()).containsExactly(0, 3, 1, 4, 2, 5);
        // offset 1, size (2, 2), stride (3, 1): [[1, 2], [4, 5]]
        PtTensor block = (PtTensor) unpickle(rebuild(2, 2, 3, 1, 1), (dtype, key, numel) -> floats(dtype, key, numel, 0, 1, 2, 3, 4, 5));
        assertThat(block.toTensor().data()).containsExactly(1, 2, 4, 5);
    }

    @Test
    void viewPastTheStorageIsRefused() {
        byte[] p = rebuild(3, 3, 1, 3, 0);           // last element at 2 + 2·3 = 8, storage has 6
        assertThatThrownBy(() -> unpickle(p, (dtype, key, numel) -> floats(dtype, key, numel, 0, 1, 2, 3, 4, 5)))
                .hasMessage("tensor at offset 0 with size [3, 3] and stride [1, 3] reaches past the 6 elements of storage 'x' in test.pt");
    }

    @Test
    void malformedOrUnsupportedPicklesAreNamed() {
        assertThatThrownBy(() -> unpickle(pickle(0x80, 2, 'i', "os\nsystem\n", '.')))
                .hasMessage("unreadable pickle in test.pt at byte 2: unsupported opcode 0x69");
        assertThatThrownBy(() -> unpickle(pickle(0x80, 2, 'J', 1, 2)))
                .hasMessageContaining("unreadable pickle in test.pt").hasMessageContaining("ends in the middle of an instruction");
        assertThatThrownBy(() -> unpickle(pickle(0x80, 2, 0x8a, 9, new byte[9], '.')))
                .hasMessageContaining("integer of 9 bytes is wider than 64 bits");
        assertThatThrownBy(() -> unpickle(pickle(0x80, 2, 'c', "torch\nFloatStorage\n", ')', 'R', '.')))
                .hasMessageContaining("cannot call torch.FloatStorage with 0 arguments");
        assertThatThrownBy(() -> unpickle(pickle(0x80, 2, '}', '}', 0x8c, 1, "x", 'K', 1, 's', 'b', '.')))
                .hasMessageContaining("cannot set state a dict on a dict");
        assertThatThrownBy(() -> unpickle(pickle(0x80, 2, 'h', 4, '.'))).hasMessageContaining("memo entry 4 was never stored");
        assertThatThrownBy(() -> unpickle(pickle(0x80, 2, 'K', 1, 'K', 2, '.'))).hasMessageContaining("STOP with 2 objects on the stack");
        assertThatThrownBy(() -> unpickle(pickle(0x80, 2, '}', 'q', 0, 'h', 0, 'K', 1, 's', '.')))   // {d: 1} with d the dict itself
                .hasMessageContaining("dict key is a dict; only str, int, float, bool or None keys are read");
        assertThatThrownBy(() -> unpickle(pickle(0x80, 2, 'c', "torch._utils\n_rebuild_tensor_v2\n", 'K', 1, 0x85, 'R', '.')))
                .hasMessageContaining("unexpected arguments to torch._utils._rebuild_tensor_v2: (an int)");
        assertThatThrownBy(() -> unpickle(pickle(0x80, 2, 0x8c, 3, "abc", 'Q', '.'))).hasMessageContaining("unsupported persistent id a str");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** _rebuild_tensor_v2(('storage', FloatStorage, '0', 'cpu', 6), offset, (s0, s1), (st0, st1), False, OrderedDict()). */
    private static byte[] rebuild(int s0, int s1, int st0, int st1, int offset) {
        return pickle(0x80, 2, 'c', "torch._utils\n_rebuild_tensor_v2\n", '(',
                '(', 0x8c, 7, "storage", 'c', "torch\nFloatStorage\n", 0x8c, 1, "0", 0x8c, 3, "cpu", 'K', 6, 't', 'Q',
                'K', offset, 'K', s0, 'K', s1, 0x86, 'K', st0, 'K', st1, 0x86, 0x89,
                'c', "collections\nOrderedDict\n", ')', 'R', 't', 'R', '.');
    }

    private static PtStorage floats(PtTensor.Dtype dtype, String key, long numel, float... values) {
        assertThat(dtype).isEqualTo(PtTensor.Dtype.FLOAT32);
        assertThat(numel).isEqualTo(values.length);
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        return new PtStorage(dtype, b.array(), numel, "storage 'x' in " + FILE);
    }

    private static Object unpickle(byte[] p) throws IOException {
        return PtPickle.unpickle(p, FILE, NO_STORAGES);
    }

    private static Object unpickle(byte[] p, PtPickle.StorageLoader storages) throws IOException {
        return PtPickle.unpickle(p, FILE, storages);
    }

    /** Concatenates opcodes and operands: an int or char is one byte, a String its ASCII bytes, a byte[] itself. */
    private static byte[] pickle(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer i) out.write(i);
            else if (part instanceof Character c) out.write(c);
            else if (part instanceof String s) out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            else out.writeBytes((byte[]) part);
        }
        return out.toByteArray();
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] le64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    private static byte[] be64(double v) {
        return ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putDouble(v).array();
    }
}
