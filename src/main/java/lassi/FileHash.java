package lassi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes that name a file in the headers of the artefacts made from it. */
public final class FileHash {
    private FileHash() {}

    /** SHA-256 of the file's bytes, lower-case hex. */
    public static String sha256(Path file) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 20];
            for (int n; (n = in.read(chunk)) > 0; ) sha.update(chunk, 0, n);
        } catch (IOException e) {
            throw new BadInput("cannot read " + file + " (" + e.getMessage() + ")", e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
