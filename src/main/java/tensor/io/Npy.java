package tensor.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numpy .npy format (spec Appendix A): the magic {@code \x93NUMPY}, a major and minor version
 * byte, the header length HLEN (uint16 little-endian in v1.0, uint32 in v2.0 and v3.0), an ASCII
 * (v3.0: UTF-8) Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (6, 32, 32), }} padded with spaces and
 * a final '\n', then the raw C-order data.
 *
 * <p>Writing produces exactly the bytes {@code np.save} produces (numpy 1.24): v1.0 unless the
 * header needs more than 65535 bytes, 10 + HLEN a multiple of 64. Reading accepts any padding.
 * Every error names the source (file, or archive member) and what was wrong.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    // np.save leaves room after the header dict to rewrite the first dimension in place
    // (numpy.lib.format.GROWTH_AXIS_MAX_DIGITS); we add the same spaces to stay byte-identical.
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    // ---- reading -----------------------------------------------------------------------------

    public static NpyArray read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }

    /** Parses .npy bytes; {@code source} names where they came from, for error messages. */
    public static NpyArray read(byte[] bytes, String source) throws IOException {
        if (bytes.length < MAGIC.length + 2 || !startsWithMagic(bytes))
            throw error(source, "not a .npy file (bad magic)");
        int major = bytes[6], minor = bytes[7];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.position(8);
        long headerLength;
        if (major == 1 && minor == 0) {
            if (b.remaining() < 2) throw error(source, "truncated: the header length is cut off");
            headerLength = Short.toUnsignedInt(b.getShort());
        } else if ((major == 2 || major == 3) && minor == 0) {
            if (b.remaining() < 4) throw error(source, "truncated: the header length is cut off");
            headerLength = Integer.toUnsignedLong(b.getInt());
        } else {
            throw error(source, "unsupported .npy version " + major + "." + minor + " (expected 1.0, 2.0 or 3.0)");
        }
        if (headerLength > b.remaining())
            throw error(source, "truncated: expected a header of " + headerLength + " bytes, found " + b.remaining());
        int dataStart = b.position() + (int) headerLength;
        String header = new String(bytes, b.position(), (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        NpyArray.DType dtype = NpyArray.DType.ofDescr(field(DESCR, header, "descr", source));
        if (dtype == null) throw error(source, "unsupported dtype '" + field(DESCR, header, "descr", source)
                + "' (supported: <f4, <f8, <i8, <i4, |u1, |b1)");
        if (field(FORTRAN, header, "fortran_order", source).equals("True"))
            throw error(source, "fortran_order True is not supported (save a C-ordered array)");
        int[] shape = parseShape(field(SHAPE, header, "shape", source), source);

        long expected = NpyArray.elementCount(shape) * dtype.itemSize;
        long found = bytes.length - (long) dataStart;
        if (found < expected) throw error(source, "truncated: expected " + expected + " data bytes, found " + found);
        if (found > expected) throw error(source, (found - expected) + " unexpected bytes after the " + expected + " data bytes");
        byte[] data = new byte[(int) expected];
        System.arraycopy(bytes, dataStart, data, 0, data.length);
        return new NpyArray(dtype, shape, data);
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) if (bytes[i] != MAGIC[i]) return false;
        return true;
    }

    private static String field(Pattern pattern, String header, String key, String source) throws IOException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) throw error(source, "malformed header, no valid '" + key + "' entry: " + header.strip());
        return m.group(1);
    }

    /** "6, 32, 32" → [6, 32, 32]; "5," → [5]; "" → [] (0-d). Accepts Python 2's "5L". */
    private static int[] parseShape(String tuple, String source) throws IOException {
        List<Integer> dims = new ArrayList<>();
        for (String part : tuple.split(",")) {
            String p = part.strip();
            if (p.endsWith("L")) p = p.substring(0, p.length() - 1);
            if (p.isEmpty()) continue;
            try {
                int d = Integer.parseInt(p);
                if (d < 0) throw new NumberFormatException();
                dims.add(d);
            } catch (NumberFormatException e) {
                throw error(source, "malformed shape (" + tuple + ")");
            }
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        if (NpyArray.elementCount(shape) > Integer.MAX_VALUE)
            throw error(source, "array of shape (" + tuple + ") has more than 2^31-1 elements");
        return shape;
    }

    // ---- writing -----------------------------------------------------------------------------

    /** Writes {@code array} to {@code file} atomically (temporary file, fsync, rename). */
    public static void write(Path file, NpyArray array) throws IOException {
        AtomicFile.write(file, toBytes(array));
    }

    /** The complete .npy file content for {@code array}. */
    public static byte[] toBytes(NpyArray array) {
        byte[] header = headerBytes(array);
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + array.data().length);
        out.writeBytes(header);
        out.writeBytes(array.data());
        return out.toByteArray();
    }

    /** Magic, version, HLEN and the padded dict, exactly as numpy 1.24's np.save writes them. */
    private static byte[] headerBytes(NpyArray array) {
        int[] shape = array.shape();
        StringBuilder dict = new StringBuilder("{'descr': '").append(array.dtype().descr)
                .append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) dict.append(i > 0 ? ", " : "").append(shape[i]);
        dict.append(shape.length == 1 ? ",), }" : "), }");
        if (shape.length > 0) dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));

        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int lengthBytes = 2;                                                // v1.0 while HLEN fits in a uint16
        int headerLength = paddedHeaderLength(text.length, lengthBytes);
        if (headerLength > 0xFFFF) {
            lengthBytes = 4;                                                // else v2.0
            headerLength = paddedHeaderLength(text.length, lengthBytes);
        }
        int prefix = MAGIC.length + 2 + lengthBytes;
        int padding = headerLength - text.length - 1;

        ByteBuffer b = ByteBuffer.allocate(prefix + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) (lengthBytes == 2 ? 1 : 2)).put((byte) 0);
        if (lengthBytes == 2) b.putShort((short) headerLength);
        else b.putInt(headerLength);
        b.put(text);
        for (int i = 0; i < padding; i++) b.put((byte) ' ');
        b.put((byte) '\n');
        return b.array();
    }

    /** HLEN: the dict, 1..64 spaces (like numpy: a full 64 when already aligned) and '\n', so that the data starts at a multiple of 64. */
    private static int paddedHeaderLength(int textLength, int lengthBytes) {
        int prefix = MAGIC.length + 2 + lengthBytes;
        int withNewline = textLength + 1;
        return withNewline + ALIGN - (prefix + withNewline) % ALIGN;
    }

    static IOException error(String source, String what) {
        return new IOException(source + ": " + what);
    }
}
