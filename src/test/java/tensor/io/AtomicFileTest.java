package tensor.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFileTest {
    @TempDir Path dir;

    @Test void writesAndReplacesLeavingNoTemporaryFile() throws IOException {
        Path target = dir.resolve("sub/model.npz");                   // parent directories are created
        AtomicFile.write(target, "first".getBytes());
        AtomicFile.write(target, "second".getBytes());
        assertThat(Files.readString(target)).isEqualTo("second");
        try (var files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("model.npz");
        }
        Path plain = Files.createFile(dir.resolve("plain"));           // same mode as any new file (umask), not 0600
        if (Files.getFileStore(dir).supportsFileAttributeView("posix"))
            assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test void aFailedWriteKeepsTheOldContentAndRemovesTheTemporaryFile() throws IOException {
        Path target = dir.resolve("ckpt.npz");
        AtomicFile.write(target, "good".getBytes());
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write("half of the new cont".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("good");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ckpt.npz");
        }
    }

    @Test void aFailedFirstWriteLeavesNothing() {
        Path target = dir.resolve("new.npy");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> { throw new IllegalStateException("boom"); }))
                .hasMessage("boom");
        assertThat(dir.toFile().list()).isEmpty();
    }
}
