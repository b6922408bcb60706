package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lassi.BadInput;
import lassi.data.ImageDataset;
import lassi.data.LatentCacheReader;
import lassi.data.LatentCacheSource;
import lassi.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Grad;
import tensor.Tensor;
import tensor.random.Rng;

/** The photo datasets (the CelebA and FairFace fixtures of topic "data") through a T8 Glow, and all-or-nothing output. */
class LatentCacheEncoderTest {
    private static final String SHA = "ab".repeat(32);
    @TempDir Path tmp;

    private final List<LatentCacheEncoder.Written> written = new ArrayList<>();
    private int encoded;

    /** A T8 Glow (S = 8) with its ActNorms initialised on uniform noise. */
    private static Glow glow() {
        Glow glow = new Glow(GlowProfile.T8.config, new Rng(21));
        try (var noGrad = Grad.disabled()) {
            glow.forward(Tensor.uniform(new Rng(22), -0.5f, 0.5f, 16, 3, 8, 8));
        }
        return glow;
    }

    private LatentCacheEncoder encoder(Glow glow) {
        return new LatentCacheEncoder(glow, SHA, 2, Map.of("--batch-size", "2"), new LatentCacheEncoder.Listener() {
            @Override public void encoded(int images) { encoded += images; }

            @Override public void written(LatentCacheEncoder.Written split) { written.add(split); }
        });
    }

    private static Path fixture(String name) {
        try {
            return Path.of(LatentCacheEncoderTest.class.getResource("/fixtures/data/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every split of the cache {@code dir} holds the latents and label vectors of {@code source}'s split, in order. */
    private static void assertCacheOf(Path dir, LatentCacheSource source, Glow glow, int labelLength) {
        for (Split split : Split.values()) {
            ImageDataset data = source.split(split);
            try (LatentCacheReader reader = LatentCacheReader.open(dir, split)) {
                assertThat(reader.size()).as(split.stem()).isEqualTo(data.size()).isPositive();
                assertThat(reader.labelLength()).isEqualTo(labelLength);
                assertThat(reader.header().orElseThrow().modelSha256()).isEqualTo(SHA);
                for (int i = 0; i < data.size(); i++) {
                    assertThat(reader.labels(i)).as("%s labels %d", split.stem(), i).containsExactly(data.labels(i));
                    float[] expected;
                    try (var noGrad = Grad.disabled()) {
                        expected = Latents.wrap(glow.latents(data.image(i))).data();
                    }
                    float[] z = reader.latent(i);
                    for (int j = 0; j < z.length; j++)         // batches of 2 against 1: summation order may differ
                        assertThat(z[j]).as("%s record %d z[%d]", split.stem(), i, j).isCloseTo(expected[j], within(1e-5f));
                }
            }
        }
    }

    @Test void celebaGivesOneCacheWithThe40Attributes() throws IOException {
        Glow glow = glow();
        try (LatentCacheSource source = LatentCacheSource.open(fixture("celeba"), 8)) {
            assertThat(source.name()).isEqualTo("glow_celeba_8_latent_lmdb");
            assertThat(encoder(glow).encode(source, tmp)).containsExactly(tmp.resolve("glow_celeba_8_latent_lmdb"));
            assertCacheOf(tmp.resolve("glow_celeba_8_latent_lmdb"), source, glow, 40);
        }
        assertThat(encoded).isEqualTo(4);
        assertThat(written).extracting(LatentCacheEncoder.Written::split).containsExactly(Split.TRAIN, Split.VALID, Split.TEST);
        assertThat(written).extracting(LatentCacheEncoder.Written::records).containsExactly(2, 1, 1);
    }

    @Test void fairFaceGivesOneCacheWithAgeAndRace() throws IOException {
        Glow glow = glow();
        try (LatentCacheSource source = LatentCacheSource.open(fixture("fairface"), 8)) {
            assertThat(encoder(glow).encode(source, tmp)).containsExactly(tmp.resolve(LatentCacheSource.FAIRFACE));
            assertCacheOf(tmp.resolve(LatentCacheSource.FAIRFACE), source, glow, 2);
        }
    }

    @Test void aFailureInTheLastSplitLeavesNoCacheAndNoStagingFolder() throws IOException {
        Path celeba = tmp.resolve("celeba"), out = tmp.resolve("out");
        try (Stream<Path> walk = Files.walk(fixture("celeba"))) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = celeba.resolve(fixture("celeba").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        Path broken = celeba.resolve("img_align_celeba/000004.jpg");          // the test split's only image
        Files.writeString(broken, "not a jpeg");
        try (LatentCacheSource source = LatentCacheSource.open(celeba, 8)) {
            assertThatThrownBy(() -> encoder(glow()).encode(source, out)).isInstanceOf(BadInput.class)
                    .hasMessageStartingWith(broken.toString());
        }
        assertThat(written).extracting(LatentCacheEncoder.Written::split).containsExactly(Split.TRAIN, Split.VALID);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }
}
