package lassi.data;

import lassi.FileHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lassi.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the reader refuses, and the one thing it accepts with only a warning. */
class LatentCacheChecksTest {
    @TempDir Path dir;

    private Path cacheOf(String modelContent, int count) throws IOException {
        Path cache = dir.resolve("cache");
        LatentCacheSamples.write(cache, Split.TRAIN, LatentCacheSamples.header(LatentCacheSamples.model(dir, "made.pt", modelContent), count));
        return cache;
    }

    @Test void acceptsTheModelThatMadeIt() throws IOException {
        Path cache = cacheOf("model A", 4);
        Path sameBytes = LatentCacheSamples.model(dir, "copy.pt", "model A");
        try (LatentCacheReader reader = LatentCacheReader.open(cache, Split.TRAIN)) {
            reader.requireModel(sameBytes);
            reader.requireDimension(12);
        }
    }

    @Test void refusesACacheOfAnotherModel() throws IOException {
        Path cache = cacheOf("model A", 4);
        Path other = LatentCacheSamples.model(dir, "other.pt", "model B");
        try (LatentCacheReader reader = LatentCacheReader.open(cache, Split.TRAIN)) {
            assertThatThrownBy(() -> reader.requireModel(other))
                    .isInstanceOf(BadInput.class)
                    .hasMessage("cache " + cache + " was made by model sha256 " + FileHash.sha256(dir.resolve("made.pt"))
                            + ", not by " + other + " (sha256 " + FileHash.sha256(other) + ")");
        }
    }

    @Test void refusesLatentsOfAnotherDimension() throws IOException {
        Path cache = cacheOf("model A", 4);
        try (LatentCacheReader reader = LatentCacheReader.open(cache, Split.TRAIN)) {
            assertThatThrownBy(() -> reader.requireDimension(768))
                    .isInstanceOf(BadInput.class)
                    .hasMessage("cache " + cache.resolve("train.lmdb") + " holds latents of d = 12, expected d = 768");
        }
    }

    @Test void refusesAHeaderThatDisagreesWithTheRecords() throws IOException {
        Path cache = cacheOf("model A", 4);
        Path header = cache.resolve("train.lmdb.header.json");
        String json = Files.readString(header);
        // The same header for other latents: z-shapes [[3, 2, 2], [4, 1, 1]], d = 16.
        Files.writeString(header, json.replace("\"d\" : 12", "\"d\" : 16").replaceFirst("\\[ 2, 2, 2 \\]", "[ 3, 2, 2 ]"));
        assertThatThrownBy(() -> LatentCacheReader.open(cache, Split.TRAIN))
                .isInstanceOf(BadInput.class)
                .hasMessage(cache.resolve("train.lmdb") + " holds records with d = 12 and label length = 3"
                        + " but its header says d = 16 and label length = 3");

        Files.writeString(header, json.replace("\"count\" : 4", "\"count\" : 5"));
        assertThatThrownBy(() -> LatentCacheReader.open(cache, Split.TRAIN))
                .isInstanceOf(BadInput.class)
                .hasMessage(header + " announces 5 records but " + cache.resolve("train.lmdb") + " holds 4");

        Files.writeString(header, json.replace("\"format_version\" : 1", "\"format_version\" : 2"));
        assertThatThrownBy(() -> LatentCacheReader.open(cache, Split.TRAIN))
                .isInstanceOf(BadInput.class)
                .hasMessage(header + ": latent cache header format version 2, this build reads version 1");

        Files.writeString(header, json.replace("\"d\" : 12", "\"d\" : 13"));
        assertThatThrownBy(() -> LatentCacheReader.open(cache, Split.TRAIN))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith(header + ": not a valid latent cache header (d = 13 but the z-shapes [[2, 2, 2], [4, 1, 1]] hold 12 values");

        Files.writeString(header, json.replaceFirst("\"model_sha256\" : \"[0-9a-f]+\",", ""));
        assertThatThrownBy(() -> LatentCacheReader.open(cache, Split.TRAIN))
                .isInstanceOf(BadInput.class)
                .hasMessage(header + ": not a valid latent cache header (model_sha256 must be 64 lower-case hex digits, got 'null')");
    }

    @Test void aMissingSplitNamesTheFile() throws IOException {
        Path cache = cacheOf("model A", 4);
        assertThatThrownBy(() -> LatentCacheReader.open(cache, Split.TEST))
                .isInstanceOf(BadInput.class)
                .hasMessage("latent cache " + cache + " has no split 'test': " + cache.resolve("test.lmdb") + " not found");
    }

    @Test void aSubdirEnvironmentIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("train.lmdb"));
        assertThatThrownBy(() -> LatentCacheReader.open(dir, Split.TRAIN))
                .isInstanceOf(BadInput.class)
                .hasMessage(dir.resolve("train.lmdb") + " is a directory; a latent cache split is one LMDB environment file (subdir = false)");
    }

    @Test void aCacheWithoutHeaderIsAcceptedWithAWarning() throws IOException {
        Path cache = cacheOf("model A", 4);
        Files.delete(cache.resolve("train.lmdb.header.json"));
        String[] warnings = new String[2];
        warnings[0] = LatentCacheSamples.stderrOf(() -> {
            try (LatentCacheReader reader = LatentCacheReader.open(cache, Split.TRAIN)) {
                assertThat(reader.header()).isEmpty();
                assertThat(reader.size()).isEqualTo(4);
                assertThat(reader.latent(3)).containsExactly(LatentCacheSamples.z(3, 12));
                warnings[1] = LatentCacheSamples.stderrOf(() -> reader.requireModel(dir.resolve("made.pt")));
            }
        });
        assertThat(warnings[0]).contains("WARN").contains(cache.resolve("train.lmdb") + " has no header train.lmdb.header.json: a reference cache");
        assertThat(warnings[1]).contains("WARN").contains("cannot check that " + cache.resolve("train.lmdb") + " was made by");
    }

    @Test void refusesAFileThatIsNotAnEnvironment() throws IOException {
        Files.writeString(dir.resolve("valid.lmdb"), "not lmdb");
        assertThatThrownBy(() -> LatentCacheReader.open(dir, Split.VALID))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith(dir.resolve("valid.lmdb") + ": not a readable LMDB environment (");
    }
}
