package tensor.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Golden;
import tensor.io.NpyArray.DType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NpzTest {
    @TempDir Path dir;

    @Test void readsPositionalArraysFromNpSavez() throws IOException {
        Map<String, NpyArray> a = Npz.read(Golden.path("npy", "positional.npz"));
        assertThat(a.keySet()).containsExactly("arr_0", "arr_1");
        assertThat(a.get("arr_0").toFloats()).containsExactly(0f, 1f, 2f, 3f, 4f);
        assertThat(a.get("arr_1").shape()).containsExactly(3, 2);
        assertThat(a.get("arr_1").toLongs()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test void readsNamedArraysOfEveryDtypeInArchiveOrder() throws IOException {
        Map<String, NpyArray> a = Npz.read(Golden.path("npy", "named.npz"));
        assertThat(a.keySet()).containsExactly("format_version", "x", "y", "r1", "smoothing_error", "mask", "flags");
        assertThat(a.get("format_version").toLongs()).containsExactly(1L);
        assertThat(a.get("x").shape()).containsExactly(2, 4);
        assertThat(a.get("x").toFloats()[7]).isEqualTo(1f);
        assertThat(a.get("y").toInts()).containsExactly(3, 1, 4);
        assertThat(a.get("r1").toDoubles()).containsExactly(0.5, 0.25);
        assertThat(a.get("smoothing_error").shape()).isEmpty();
        assertThat(a.get("smoothing_error").toDoubles()).containsExactly(-1.0);
        assertThat(a.get("mask").dtype()).isEqualTo(DType.UINT8);
        assertThat(a.get("flags").toInts()).containsExactly(0, 1);
    }

    @Test void readsCompressedMembers() throws IOException {
        Map<String, NpyArray> a = Npz.read(Golden.path("npy", "compressed.npz"));
        assertThat(a.get("z").shape()).containsExactly(3, 4);
        assertThat(a.get("z").toDoubles()[11]).isEqualTo(11.0);
    }

    @Test void roundTripsInInsertionOrderWithStoredMembers() throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("z_center", NpyArray.ofFloats(new float[] {1f, -2f, 3.5f}, 3));
        arrays.put("t", NpyArray.ofDoubles(new double[0], 0));
        arrays.put("y", NpyArray.ofLongs(new long[] {7, 8}, 2));
        arrays.put("a", NpyArray.ofDoubles(new double[] {-1.0}));
        Path file = dir.resolve("out.npz");
        Npz.write(file, arrays);

        Map<String, NpyArray> back = Npz.read(file);
        assertThat(back.keySet()).containsExactly("z_center", "t", "y", "a");
        assertThat(back.get("z_center").toFloats()).containsExactly(1f, -2f, 3.5f);
        assertThat(back.get("t").shape()).containsExactly(0);
        assertThat(back.get("y").toLongs()).containsExactly(7L, 8L);
        assertThat(back.get("a").shape()).isEmpty();

        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            assertThat(zip.stream().map(e -> e.getName())).containsExactly("z_center.npy", "t.npy", "y.npy", "a.npy");
            assertThat(zip.stream().allMatch(e -> e.getMethod() == java.util.zip.ZipEntry.STORED)).isTrue();
        }
        assertThat(Npz.toBytes(arrays)).as("same arrays, same bytes").isEqualTo(Files.readAllBytes(file));
    }

    @Test void readsFromMemoryLikeALatentCacheRecord() throws IOException {
        byte[] bytes = Files.readAllBytes(Golden.path("npy", "named.npz"));
        assertThat(Npz.read(bytes, "record 0").get("y").toLongs()).containsExactly(3L, 1L, 4L);
    }

    @Test void emptyArchiveRoundTrips() throws IOException {
        assertThat(Npz.read(Npz.toBytes(Map.of()), "empty")).isEmpty();
    }

    @Test void badMagicIsNamed() throws IOException {
        Path npy = Golden.path("npy", "f4_2x3.npy");
        assertThatThrownBy(() -> Npz.read(npy)).hasMessage(npy + ": not a .npz file (bad magic: expected a ZIP archive)");
    }

    @Test void truncatedArchiveNamesTheFile() throws IOException {
        byte[] full = Files.readAllBytes(Golden.path("npy", "positional.npz"));
        Path file = dir.resolve("cut.npz");
        Files.write(file, Arrays.copyOf(full, 100));                   // inside arr_0.npy's data
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": corrupt or truncated ZIP archive");
    }

    @Test void badMemberNamesTheArchiveAndTheMember() throws IOException {
        Path file = dir.resolve("bad.npz");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("x.npy"));
            zip.write("garbage".getBytes());
            zip.closeEntry();
        }
        assertThatThrownBy(() -> Npz.read(file)).hasMessage(file + ":x.npy: not a .npy file (bad magic)");
    }
}
