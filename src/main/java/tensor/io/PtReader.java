package tensor.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads PyTorch {@code .pt} files written by {@code torch.save} in the zip format (PyTorch ≥ 1.6,
 * the default since then; the released LASSI checkpoints come from 1.7). The archive holds
 * {@code <archive>/data.pkl} (the pickled object), {@code <archive>/data/<key>} (one entry of
 * raw little-endian values per storage) and {@code <archive>/version}.
 *
 * <p>The pickle is read by {@link PtPickle}, which executes nothing and accepts only state dicts
 * of tensors and plain Python values around them. Every problem is reported as an
 * {@link IOException} whose message is one line naming the file.
 */
public final class PtReader {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** The pre-1.6 format starts with PROTO 2, LONG1 of 10 bytes: torch's magic number 0x1950a86a20f9469cfc6c. */
    private static final byte[] LEGACY_MAGIC = {(byte) 0x80, 2, (byte) 0x8a, 10,
            0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19};

    private PtReader() {}

    /**
     * The state dict stored in {@code file}: the top-level dict, or the one reached by looking up
     * {@code keys} one after another (a checkpoint {@code {'model': state_dict, 'epoch': 7}} is
     * read with {@code readStateDict(file, "model")}). Names and order are as in the file.
     */
    public static Map<String, PtTensor> readStateDict(Path file, String... keys) throws IOException {
        Object node = load(file);
        List<String> path = new ArrayList<>();
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> dict))
                throw new IOException(file + ": " + where(path) + " is " + PtPickle.describe(node) + ", not a dict, so it has no key '" + key + "'");
            if (!dict.containsKey(key))
                throw new IOException(file + ": no key '" + key + "' in " + where(path) + " (keys: " + keyList(dict) + ")");
            node = dict.get(key);
            path.add(key);
        }
        if (!(node instanceof Map<?, ?> dict))
            throw new IOException(file + ": " + where(path) + " is " + PtPickle.describe(node) + ", not a state dict");
        Map<String, PtTensor> stateDict = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (!(e.getKey() instanceof String name && e.getValue() instanceof PtTensor tensor))
                throw new IOException(file + ": " + where(path) + " is not a state dict: entry '" + e.getKey() + "' is "
                        + PtPickle.describe(e.getValue()) + ", not a tensor (keys: " + keyList(dict)
                        + "); pass the key(s) that lead to the state dict");
            stateDict.put(name, tensor);
        }
        return stateDict;
    }

    /**
     * The whole object in {@code file}: nested dicts ({@link LinkedHashMap}), lists, tuples
     * (unmodifiable lists), str, int (Long), float (Double), bool, None (null) and {@link PtTensor}s.
     */
    public static Object load(Path file) throws IOException {
        byte[] head = head(file, LEGACY_MAGIC.length);
        if (startsWith(head, LEGACY_MAGIC))
            throw new IOException(file + ": legacy (pre-1.6) torch.save format is not supported; re-save with torch>=1.6 (zip format)");
        if (!startsWith(head, ZIP_MAGIC))
            throw new IOException(file + ": not a torch.save file (expected a zip archive, the format of torch>=1.6)");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String archive = archiveName(zip, file);
            ZipEntry byteOrder = zip.getEntry(archive + "/byteorder");   // written by newer torch; absent means little
            if (byteOrder != null && !new String(read(zip, byteOrder), StandardCharsets.US_ASCII).trim().equals("little"))
                throw new IOException(file + ": storages are not little-endian (" + archive + "/byteorder); only little-endian is supported");
            byte[] pickle = read(zip, zip.getEntry(archive + "/data.pkl"));
            Map<String, PtStorage> loaded = new HashMap<>();          // tensors that share a storage share the entry
            return PtPickle.unpickle(pickle, file.toString(), (dtype, key, numel) -> {
                PtStorage storage = loaded.get(key);
                if (storage == null) loaded.put(key, storage = storage(zip, file, archive + "/data/" + key, dtype, numel));
                if (storage.dtype != dtype)
                    throw new IOException(file + ": storage '" + key + "' is read both as " + storage.dtype + " and as " + dtype);
                return storage;
            });
        } catch (ZipException e) {
            throw new IOException(file + ": corrupt or truncated zip archive (" + e.getMessage() + ")", e);
        }
    }

    /** The one top-level folder that holds data.pkl; torch names it after the file. */
    private static String archiveName(ZipFile zip, Path file) throws IOException {
        List<String> names = zip.stream().map(ZipEntry::getName)
                .filter(n -> n.endsWith("/data.pkl") && n.indexOf('/') == n.length() - "/data.pkl".length())
                .map(n -> n.substring(0, n.length() - "/data.pkl".length()))
                .toList();
        if (names.size() != 1)
            throw new IOException(file + ": expected one <archive>/data.pkl entry as torch.save writes, found " + names.size());
        return names.get(0);
    }

    private static PtStorage storage(ZipFile zip, Path file, String entryName, PtTensor.Dtype dtype, long numel) throws IOException {
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) throw new IOException(file + ": missing storage entry '" + entryName + "' (referenced by data.pkl)");
        long needed = numel * dtype.itemSize;
        if (numel < 0 || needed > Integer.MAX_VALUE - 8)
            throw new IOException(file + ": storage entry '" + entryName + "' of " + numel + " " + dtype + " values is too large (over 2 GiB)");
        byte[] bytes;
        try (InputStream s = zip.getInputStream(entry)) {
            bytes = s.readNBytes((int) needed);
        }
        if (bytes.length < needed)
            throw new IOException(file + ": storage entry '" + entryName + "' is truncated: " + bytes.length + " bytes, expected "
                    + needed + " (" + numel + " " + dtype + " values)");
        return new PtStorage(dtype, bytes, numel, "storage '" + entryName + "' in " + file);
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream s = zip.getInputStream(entry)) {
            return s.readAllBytes();
        }
    }

    private static byte[] head(Path file, int n) throws IOException {
        try (InputStream s = Files.newInputStream(file)) {
            return s.readNBytes(n);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if (head[i] != magic[i]) return false;
        return true;
    }

    private static String where(List<String> path) {
        return path.isEmpty() ? "the top level" : path.stream().map(k -> "['" + k + "']").collect(Collectors.joining());
    }

    private static String keyList(Map<?, ?> dict) {
        List<String> keys = dict.keySet().stream().limit(10).map(String::valueOf).toList();
        return String.join(", ", keys) + (dict.size() > keys.size() ? ", ..." : "");
    }
}
