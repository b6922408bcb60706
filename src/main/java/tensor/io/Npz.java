package tensor.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The numpy .npz format (spec Appendix A): a ZIP archive with one .npy member per array, named
 * {@code <name>.npy}. np.savez stores members uncompressed and gives each local header a ZIP64
 * extra field (id 0x0001) with the real sizes; {@link ZipInputStream} reads those, and also
 * deflated members (np.savez_compressed). Archives are read from the local headers in order,
 * so the same code serves files and in-memory values (latent-cache records, spec §2.5).
 *
 * <p>Writing stores every member uncompressed (STORED), in the map's iteration order, like
 * np.savez; numpy and Python's zipfile read the result.
 */
public final class Npz {
    private static final String SUFFIX = ".npy";
    private static final LocalDateTime DOS_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {}

    // ---- reading -----------------------------------------------------------------------------

    /** The arrays of {@code file} by name (member name without ".npy"), in archive order. */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }

    /** Parses .npz bytes; {@code source} names where they came from, for error messages. */
    public static Map<String, NpyArray> read(byte[] bytes, String source) throws IOException {
        if (!startsLikeZip(bytes)) throw Npy.error(source, "not a .npz file (bad magic: expected a ZIP archive)");
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.isDirectory()) continue;
                String member = entry.getName();
                String name = member.endsWith(SUFFIX) ? member.substring(0, member.length() - SUFFIX.length()) : member;
                byte[] content = zip.readAllBytes();
                if (arrays.put(name, Npy.read(content, source + ":" + member)) != null)
                    throw Npy.error(source, "duplicate member '" + member + "'");
            }
        } catch (ZipException | EOFException e) {
            throw Npy.error(source, "corrupt or truncated ZIP archive (" + e.getMessage() + ")");
        }
        return arrays;
    }

    // A local file header ("PK\3\4"), or the end record of an empty archive ("PK\5\6").
    private static boolean startsLikeZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K'
                && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6));
    }

    // ---- writing -----------------------------------------------------------------------------

    /** Writes {@code arrays} to {@code file} atomically, one STORED member "<name>.npy" each. */
    public static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
        AtomicFile.write(file, out -> writeTo(out, arrays));
    }

    /** The complete .npz content for {@code arrays}, members in the map's order. */
    public static byte[] toBytes(Map<String, NpyArray> arrays) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writeTo(bytes, arrays);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeTo(OutputStream out, Map<String, NpyArray> arrays) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : arrays.entrySet()) {
                byte[] content = Npy.toBytes(e.getValue());
                ZipEntry entry = new ZipEntry(e.getKey() + SUFFIX);
                entry.setMethod(ZipEntry.STORED);            // STORED needs size and CRC up front
                entry.setSize(content.length);
                entry.setCompressedSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setCrc(crc.getValue());
                entry.setTimeLocal(DOS_EPOCH);              // as np.savez: same bytes for the same arrays
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        }
    }
}
