package lassi.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lassi.BadInput;
import tensor.io.NpyArray;
import tensor.io.Npz;

/**
 * Where {@code x} and {@code y} lie inside one latent-cache value, an uncompressed .npz (spec §2.5,
 * Appendix A), learned from one record so that the others can be read without unzipping.
 *
 * <p>The first record is parsed in full by {@link Npz#read} (the one .npz reader); its ZIP local
 * headers are then walked to find where each member's .npy data begin. Every record of a cache has
 * the same layout except for the data, the CRC-32 and the DOS time stamp of each member (np.savez
 * stamps members with the current time). So a record is read by this layout when it has the same
 * length and the same bytes everywhere else up to the end of the last member's data: the local
 * headers, member names, ZIP64 extras and .npy headers (dtype, shape). The central directory
 * after the members repeats that information and is not read. CRCs are checked only by the full
 * parse (the first record, and any record of another layout); LMDB commits are copy-on-write and
 * leave no torn values behind.
 */
final class LatentRecordLayout {
    private static final int LOCAL_HEADER = 0x04034b50;    // "PK\3\4", little-endian
    private static final int TIME_DATE_CRC_FROM = 10, TIME_DATE_CRC_TO = 18;   // local header bytes that vary

    final int d, labelLength;
    private final int length;               // bytes of the whole value
    private final int xData, yData;         // offsets of x's float32 data and y's int64 data
    private final List<Span> fixed;         // the template's bytes that every record must repeat

    /** {@code bytes} (a view of the template) that a matching record holds at offset {@code at}. */
    private record Span(int at, ByteBuffer bytes) {}

    private LatentRecordLayout(int d, int labelLength, int length, int xData, int yData, List<Span> fixed) {
        this.d = d;
        this.labelLength = labelLength;
        this.length = length;
        this.xData = xData;
        this.yData = yData;
        this.fixed = fixed;
    }

    /** Parses one value in full; {@code source} names the record in error messages. */
    static LatentRecordLayout learn(ByteBuffer value, String source) {
        byte[] bytes = new byte[value.remaining()];
        value.duplicate().get(bytes);
        Map<String, NpyArray> arrays;
        try {
            arrays = Npz.read(bytes, source);
        } catch (IOException e) {
            throw new BadInput(e.getMessage(), e);
        }
        NpyArray x = arrays.get("x"), y = arrays.get("y");
        if (x == null || y == null || arrays.size() != 2)
            throw new BadInput(source + ": expected the arrays x and y, found " + arrays.keySet());
        if (x.dtype() != NpyArray.DType.FLOAT32 || x.shape().length != 1)
            throw new BadInput(source + ": x must be a float32 vector [d], found " + x);
        if (y.dtype() != NpyArray.DType.INT64 || y.shape().length != 1)
            throw new BadInput(source + ": y must be an int64 vector [label length], found " + y);

        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Span> fixed = new ArrayList<>();
        int xData = -1, yData = -1, at = 0;
        for (int member = 0; member < arrays.size(); member++) {
            if (at + 30 > bytes.length) throw new BadInput(source + ": ZIP member " + member + " is cut off");
            if (b.getInt(at) != LOCAL_HEADER) throw new BadInput(source + ": ZIP member " + member + " does not start where the previous one ends");
            if (b.getShort(at + 8) != 0)
                throw new BadInput(source + ": member " + member + " is compressed; latent cache values hold uncompressed (np.savez) members");
            int nameLength = Short.toUnsignedInt(b.getShort(at + 26)), extraLength = Short.toUnsignedInt(b.getShort(at + 28));
            int npy = at + 30 + nameLength + extraLength;
            String name = new String(bytes, at + 30, nameLength, StandardCharsets.UTF_8);
            int major = bytes[npy + 6];              // .npy v1.0: uint16 header length; v2.0, v3.0: uint32
            int data = major == 1 ? npy + 10 + Short.toUnsignedInt(b.getShort(npy + 8)) : npy + 12 + b.getInt(npy + 8);
            NpyArray array;
            if (name.equals("x.npy")) { array = x; xData = data; }
            else if (name.equals("y.npy")) { array = y; yData = data; }
            else throw new BadInput(source + ": unexpected member '" + name + "'");
            fixed.add(new Span(at, ByteBuffer.wrap(bytes, at, TIME_DATE_CRC_FROM).slice()));
            fixed.add(new Span(at + TIME_DATE_CRC_TO, ByteBuffer.wrap(bytes, at + TIME_DATE_CRC_TO, data - at - TIME_DATE_CRC_TO).slice()));
            at = data + array.data().length;
        }
        return new LatentRecordLayout(x.shape()[0], y.shape()[0], bytes.length, xData, yData, fixed);
    }

    /** Whether {@code value} has this layout, so that {@link #readLatent}/{@link #readLabels} apply. */
    boolean matches(ByteBuffer value) {
        if (value.remaining() != length) return false;
        for (Span span : fixed)
            if (value.slice(value.position() + span.at, span.bytes.capacity()).mismatch(span.bytes) != -1) return false;
        return true;
    }

    /** Copies x, float32 [d], into {@code z[offset ..]}. */
    void readLatent(ByteBuffer value, float[] z, int offset) {
        value.slice(value.position() + xData, 4 * d).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(z, offset, d);
    }

    /** Copies y, int64 [label length], into {@code y[offset ..]}. */
    void readLabels(ByteBuffer value, long[] y, int offset) {
        value.slice(value.position() + yData, 8 * labelLength).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(y, offset, labelLength);
    }
}
