package tensor.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that readers see either the old content or the complete new content, never a
 * half-written file: the bytes go to a temporary file in the same directory (same file system,
 * so the rename below is atomic), which is fsynced and then renamed over the target. If anything
 * fails, the temporary file is deleted and the target is left as it was.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Writes the file's content to a buffered stream; it may close the stream or leave it open. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its mode 0600 would survive the rename; createFile honours the umask.
        Path tmp = Files.createFile(dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp"));
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new FilterOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                    @Override public void write(byte[] b, int off, int len) throws IOException {
                        this.out.write(b, off, len);                // FilterOutputStream would write byte by byte
                    }

                    @Override public void close() throws IOException {
                        flush();                                    // the body may close; the channel stays open for the fsync
                    }
                };
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncDirectory(dir);
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    // Makes the rename itself durable across a power cut. Some platforms (Windows) cannot open a
    // directory as a channel; there the rename is still atomic, only not yet forced to disk.
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException unsupported) {
            // see above: atomicity does not depend on this
        }
    }
}
