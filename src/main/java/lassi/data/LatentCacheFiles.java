package lassi.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The files of one split of a latent cache (spec §2.5), all in the cache directory:
 * {@code <split>.lmdb} (the LMDB environment, subdir = false), its sidecar header
 * {@code <split>.lmdb.header.json}, and {@code <split>.lmdb.partial} while a writer is still
 * filling it. LMDB keeps its reader table in {@code <file>-lock} next to an environment file.
 */
record LatentCacheFiles(Path dir, Split split) {
    Path environment() { return dir.resolve(split.stem() + ".lmdb"); }

    Path header() { return dir.resolve(split.stem() + ".lmdb.header.json"); }

    Path partial() { return dir.resolve(split.stem() + ".lmdb.partial"); }

    /** The key of record {@code index}: its ASCII decimal, "0", "1", ... */
    static byte[] key(int index) {
        return Integer.toString(index).getBytes(StandardCharsets.US_ASCII);
    }

    /** The lock file LMDB creates next to an environment opened with a lock. */
    static Path lockOf(Path environment) {
        return environment.resolveSibling(environment.getFileName() + "-lock");
    }
}
