package tensor.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Golden;
import tensor.io.NpyArray.DType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NpyTest {
    @TempDir Path dir;

    private static NpyArray fixture(String name) throws IOException {
        return Npy.read(Golden.path("npy", name));
    }

    @Test void readsEveryDtypeNumpyWrites() throws IOException {
        NpyArray f4 = fixture("f4_2x3.npy");
        assertThat(f4.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(f4.shape()).containsExactly(2, 3);
        assertThat(f4.toFloats()).containsExactly(0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f);

        NpyArray f8 = fixture("f8_3.npy");
        assertThat(f8.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(f8.toDoubles()).containsExactly(0.1, -2.5, 1e300);

        NpyArray i8 = fixture("i8_2x2.npy");
        assertThat(i8.shape()).containsExactly(2, 2);
        assertThat(i8.toLongs()).containsExactly(-1L, 1L << 40, 3L, -(1L << 62));

        NpyArray i4 = fixture("i4_4.npy");
        assertThat(i4.dtype()).isEqualTo(DType.INT32);
        assertThat(i4.toInts()).containsExactly(-7, 0, 7, Integer.MAX_VALUE);

        NpyArray u1 = fixture("u1_2x2x2.npy");
        assertThat(u1.shape()).containsExactly(2, 2, 2);
        assertThat(u1.toLongs()).containsExactly(0L, 1L, 127L, 128L, 200L, 254L, 255L, 3L);
        assertThat(u1.toBytes()[6]).isEqualTo((byte) 255);

        NpyArray b1 = fixture("b1_3.npy");
        assertThat(b1.dtype()).isEqualTo(DType.BOOL);
        assertThat(b1.toInts()).containsExactly(1, 0, 1);
    }

    @Test void readsZeroDimensionalEmptyAndVersion2Arrays() throws IOException {
        NpyArray scalar = fixture("f8_scalar.npy");
        assertThat(scalar.shape()).isEmpty();
        assertThat(scalar.toDoubles()).containsExactly(-1.0);

        NpyArray empty = fixture("f4_empty.npy");
        assertThat(empty.shape()).containsExactly(0, 4);
        assertThat(empty.size()).isZero();

        assertThat(fixture("f4_v2.npy").toFloats()).containsExactly(1.5f, -0.25f);
    }

    @Test void convertsBetweenNumericTypes() throws IOException {
        assertThat(fixture("i8_2x2.npy").toDoubles()[2]).isEqualTo(3.0);
        assertThat(fixture("f4_2x3.npy").toTensor().shape().dims()).containsExactly(2, 3);
        assertThat(fixture("f8_3.npy").toFloats()[0]).isEqualTo(0.1f);
        assertThatThrownBy(() -> fixture("f4_2x3.npy").toLongs()).hasMessageContaining("'<f4' array cannot be read as integers");
        assertThatThrownBy(() -> fixture("i8_2x2.npy").toInts()).hasMessageContaining("does not fit in int32");
        assertThatThrownBy(() -> fixture("i4_4.npy").toBytes()).hasMessageContaining("cannot be read as bytes");
    }

    /** Our writer produces exactly the bytes np.save wrote, header padding included. */
    @Test void writesTheSameBytesAsNumpy() throws IOException {
        assertSameBytes("f4_2x3.npy", NpyArray.ofFloats(new float[] {0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f}, 2, 3));
        assertSameBytes("f8_3.npy", NpyArray.ofDoubles(new double[] {0.1, -2.5, 1e300}, 3));
        assertSameBytes("i8_2x2.npy", NpyArray.ofLongs(new long[] {-1L, 1L << 40, 3L, -(1L << 62)}, 2, 2));
        assertSameBytes("f8_scalar.npy", NpyArray.ofDoubles(new double[] {-1.0}));
        assertSameBytes("f4_empty.npy", NpyArray.ofFloats(new float[0], 0, 4));
    }

    private static void assertSameBytes(String fixture, NpyArray array) throws IOException {
        assertThat(Npy.toBytes(array)).as(fixture).isEqualTo(Files.readAllBytes(Golden.path("npy", fixture)));
    }

    @Test void roundTripsThroughAFileWithTheHeaderAlignedTo64() throws IOException {
        for (int rank = 0; rank <= 5; rank++) {
            int[] shape = new int[rank];                    // [], [7], [7, 3], [7, 3, 3], ...
            Arrays.fill(shape, 3);
            if (rank > 0) shape[0] = 7;
            int n = (int) NpyArray.elementCount(shape);
            float[] values = new float[n];
            for (int i = 0; i < n; i++) values[i] = i * 0.5f - 3f;
            Path file = dir.resolve("a" + rank + ".npy");
            Npy.write(file, NpyArray.ofFloats(values, shape));
            byte[] bytes = Files.readAllBytes(file);
            int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            assertThat((10 + headerLength) % 64).as("10 + HLEN for rank %d", rank).isZero();
            assertThat(bytes[10 + headerLength - 1]).isEqualTo((byte) '\n');
            NpyArray back = Npy.read(file);
            assertThat(back.shape()).isEqualTo(shape);
            assertThat(back.toFloats()).isEqualTo(values);
        }
        long[] longs = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE};
        Npy.write(dir.resolve("l.npy"), NpyArray.ofLongs(longs, 4));
        assertThat(Npy.read(dir.resolve("l.npy")).toLongs()).isEqualTo(longs);
        double[] doubles = {Double.MIN_VALUE, -0.0, Double.NaN, Double.POSITIVE_INFINITY};
        Npy.write(dir.resolve("d.npy"), NpyArray.ofDoubles(doubles, 2, 2));
        assertThat(Npy.read(dir.resolve("d.npy")).toDoubles()).isEqualTo(doubles);
    }

    @Test void switchesToVersion2WhenTheHeaderOutgrowsSixteenBits() throws IOException {
        int[] shape = new int[25_000];                      // "1, " per dimension: a header over 65535 bytes
        Arrays.fill(shape, 1);
        byte[] bytes = Npy.toBytes(NpyArray.ofFloats(new float[] {42f}, shape));
        assertThat(bytes[6]).isEqualTo((byte) 2);
        long headerLength = java.nio.ByteBuffer.wrap(bytes, 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat((12 + headerLength) % 64).isZero();
        NpyArray back = Npy.read(bytes, "big header");
        assertThat(back.shape()).hasSize(25_000);
        assertThat(back.toFloats()).containsExactly(42f);
    }

    @Test void truncatedDataNamesTheFileAndTheByteCounts() throws IOException {
        byte[] full = Files.readAllBytes(Golden.path("npy", "f4_2x3.npy"));   // 128 header + 24 data bytes
        Path file = dir.resolve("cut.npy");
        Files.write(file, Arrays.copyOf(full, full.length - 5));
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": truncated: expected 24 data bytes, found 19");
    }

    @Test void truncatedHeaderAndTrailingBytesAreErrors() throws IOException {
        byte[] full = Files.readAllBytes(Golden.path("npy", "f4_2x3.npy"));
        assertThatThrownBy(() -> Npy.read(Arrays.copyOf(full, 40), "short"))
                .hasMessage("short: truncated: expected a header of 118 bytes, found 30");
        assertThatThrownBy(() -> Npy.read(Arrays.copyOf(full, 9), "tiny"))
                .hasMessage("tiny: truncated: the header length is cut off");
        assertThatThrownBy(() -> Npy.read(Arrays.copyOf(full, full.length + 3), "long"))
                .hasMessage("long: 3 unexpected bytes after the 24 data bytes");
    }

    @Test void badMagicIsNamed() throws IOException {
        Path file = dir.resolve("text.npy");
        Files.writeString(file, "this is not numpy at all");
        assertThatThrownBy(() -> Npy.read(file)).hasMessage(file + ": not a .npy file (bad magic)");
        assertThatThrownBy(() -> Npy.read(new byte[0], "empty")).hasMessage("empty: not a .npy file (bad magic)");
    }

    @Test void unsupportedDtypeVersionAndFortranOrderAreNamed() {
        assertThatThrownBy(() -> Npy.read(handMade("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", 8), "c.npy"))
                .hasMessage("c.npy: unsupported dtype '<c8' (supported: <f4, <f8, <i8, <i4, |u1, |b1)");
        assertThatThrownBy(() -> Npy.read(handMade("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", 4), "be.npy"))
                .hasMessageContaining("unsupported dtype '>f4'");
        assertThatThrownBy(() -> Npy.read(handMade("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", 16), "f.npy"))
                .hasMessage("f.npy: fortran_order True is not supported (save a C-ordered array)");
        assertThatThrownBy(() -> Npy.read(handMade("{'descr': '<f4', 'fortran_order': False, 'shape': (two,), }", 8), "s.npy"))
                .hasMessage("s.npy: malformed shape (two,)");
        assertThatThrownBy(() -> Npy.read(handMade("{'descr': '<f4', 'fortran_order': False}", 4), "m.npy"))
                .hasMessageStartingWith("m.npy: malformed header, no valid 'shape' entry");
        byte[] v4 = handMade("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", 4);
        v4[6] = 4;
        assertThatThrownBy(() -> Npy.read(v4, "v4.npy")).hasMessage("v4.npy: unsupported .npy version 4.0 (expected 1.0, 2.0 or 3.0)");
    }

    /** A v1.0 file with an arbitrary header (16-byte alignment, as old numpy wrote) and {@code dataBytes} zeros. */
    private static byte[] handMade(String dict, int dataBytes) {
        String header = dict + " ".repeat(15 - (10 + dict.length()) % 16) + "\n";
        byte[] out = new byte[10 + header.length() + dataBytes];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), (byte) (header.length() >> 8)};
        System.arraycopy(magic, 0, out, 0, 10);
        System.arraycopy(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, out, 10, header.length());
        return out;
    }

    @Test void acceptsOldSixteenByteAlignment() throws IOException {
        NpyArray a = Npy.read(handMade("{'descr': '<i8', 'fortran_order': False, 'shape': (2L,), }", 16), "old.npy");
        assertThat(a.shape()).containsExactly(2);
        assertThat(a.toLongs()).containsExactly(0L, 0L);
    }
}
