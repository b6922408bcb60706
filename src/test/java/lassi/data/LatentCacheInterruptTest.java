package lassi.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import lassi.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static lassi.data.LatentCacheSamples.LABELS;
import static lassi.data.LatentCacheSamples.y;
import static lassi.data.LatentCacheSamples.z;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A write that does not reach commit() leaves no {@code <split>.lmdb}, and an older cache intact. */
class LatentCacheInterruptTest {
    @TempDir Path dir;

    private static String[] namesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test void closingWithoutCommitLeavesNothing() throws IOException {
        Path cache = dir.resolve("cache");
        LatentCacheHeader header = LatentCacheSamples.header(LatentCacheSamples.model(dir, "glow.pt", "m"), 600);
        try (LatentCacheWriter writer = LatentCacheWriter.create(cache, Split.TRAIN, header)) {
            for (int i = 0; i < 300; i++) writer.append(z(i, 12), y(i, LABELS));   // one batch is in the environment
        }
        assertThat(namesIn(cache)).isEmpty();
    }

    @Test void aCrashLeavesOnlyThePartialFileWhichTheNextWriterRemoves() throws IOException {
        Path cache = dir.resolve("cache");
        LatentCacheHeader header = LatentCacheSamples.header(LatentCacheSamples.model(dir, "glow.pt", "m"), 300);
        LatentCacheWriter crashed = LatentCacheWriter.create(cache, Split.TRAIN, header);
        for (int i = 0; i < 299; i++) crashed.append(z(i, 12), y(i, LABELS));
        // The process dies here: what is on disk is what a reader finds.
        assertThat(namesIn(cache)).containsExactly("train.lmdb.partial", "train.lmdb.partial-lock");
        assertThatThrownBy(() -> LatentCacheReader.open(cache, Split.TRAIN))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("has no split 'train'");

        String log = LatentCacheSamples.stderrOf(() -> {
            try {
                LatentCacheSamples.write(cache, Split.TRAIN, header);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(log).contains("removing " + cache.resolve("train.lmdb.partial") + " left by an interrupted write");
        assertThat(namesIn(cache)).containsExactly("train.lmdb", "train.lmdb.header.json");
        try (LatentCacheReader reader = LatentCacheReader.open(cache, Split.TRAIN)) {
            assertThat(reader.size()).isEqualTo(300);
        }
        crashed.close();                      // only to release the test JVM's map; a crashed process has none
    }

    @Test void anInterruptedRewriteKeepsTheOldCache() throws IOException {
        Path cache = dir.resolve("cache");
        LatentCacheSamples.write(cache, Split.TRAIN, LatentCacheSamples.header(LatentCacheSamples.model(dir, "old.pt", "old"), 5));
        LatentCacheHeader newHeader = LatentCacheSamples.header(LatentCacheSamples.model(dir, "new.pt", "new"), 7);
        try (LatentCacheWriter writer = LatentCacheWriter.create(cache, Split.TRAIN, newHeader)) {
            for (int i = 0; i < 6; i++) writer.append(z(i, 12), y(i, LABELS));
            assertThatThrownBy(writer::commit)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("6 records appended, the header announces 7");
        }
        assertThat(namesIn(cache)).containsExactly("train.lmdb", "train.lmdb.header.json");
        try (LatentCacheReader reader = LatentCacheReader.open(cache, Split.TRAIN)) {
            assertThat(reader.size()).isEqualTo(5);
            reader.requireModel(dir.resolve("old.pt"));
        }
    }
}
