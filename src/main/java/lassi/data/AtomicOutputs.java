package lassi.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a group of output files all-or-nothing: each output is first written to a temporary file
 * in the target's folder; {@link #commit()} renames every temporary onto its target; closing
 * without a commit deletes the temporaries. A failed run leaves no half-written target.
 *
 * <pre>
 * try (AtomicOutputs outs = new AtomicOutputs()) {
 *     write(outs.temp(target));
 *     outs.commit();
 * }
 * </pre>
 */
public final class AtomicOutputs implements AutoCloseable {
    private final Map<Path, Path> tempToTarget = new LinkedHashMap<>();
    private boolean committed;

    /** A fresh temporary path next to {@code target}, renamed onto it by {@link #commit()}. */
    public Path temp(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: that makes the file owner-only (0600); outputs keep the umask's mode.
        Path temp = Files.createFile(dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + tempToTarget.size() + ".tmp"));
        tempToTarget.put(temp, target);
        return temp;
    }

    /**
     * Renames every temporary onto its target (each atomically where the file system allows).
     * Targets that cannot be replaced are detected before the first rename, so a refused commit
     * changes nothing.
     */
    public void commit() throws IOException {
        for (Path target : tempToTarget.values())
            if (Files.isDirectory(target) || (Files.exists(target) && !Files.isWritable(target)))
                throw new IOException(target + ": cannot replace it (a folder or a read-only file is in the way)");
        for (var e : tempToTarget.entrySet()) {
            try {
                Files.move(e.getKey(), e.getValue(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    /** Deletes the temporaries unless committed. */
    @Override public void close() {
        if (committed) return;
        for (Path temp : tempToTarget.keySet()) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete temporary file " + temp, e);
            }
        }
    }
}
