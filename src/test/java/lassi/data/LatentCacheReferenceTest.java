package lassi.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tensor.Golden;
import tensor.io.NpyArray;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caches written by python-lmdb and np.savez the way the reference code writes them
 * (scripts/fixtures/cache.py): read record by record, they give exactly expected.npz.
 */
class LatentCacheReferenceTest {
    private static final Map<String, NpyArray> EXPECTED = Golden.npz("cache", "expected.npz", 1);
    private static final Path DIR = Golden.path("cache", "expected.npz").getParent();

    private static void assertReadsExpected(Split split) {
        float[] x = EXPECTED.get("x").toFloats();
        long[] y = EXPECTED.get("y").toLongs();
        int count = EXPECTED.get("x").shape()[0], d = EXPECTED.get("x").shape()[1], labels = EXPECTED.get("y").shape()[1];
        String log = LatentCacheSamples.stderrOf(() -> {
            try (LatentCacheReader cache = LatentCacheReader.open(DIR, split)) {
                assertThat(cache.header()).isEmpty();
                assertThat(cache.size()).isEqualTo(count);
                assertThat(cache.d()).isEqualTo(d);
                assertThat(cache.labelLength()).isEqualTo(labels);
                for (int i = 0; i < count; i++) {
                    assertThat(cache.latent(i)).as("%s x of record %d", split, i).containsExactly(Arrays.copyOfRange(x, i * d, (i + 1) * d));
                    assertThat(cache.labels(i)).as("%s y of record %d", split, i).containsExactly(Arrays.copyOfRange(y, i * labels, (i + 1) * labels));
                }
            }
        });
        assertThat(log).contains("a reference cache");
    }

    @Test void readsAReferenceCache() {
        assertReadsExpected(Split.TRAIN);
    }

    @Test void readsARecordWhoseMembersAreInAnotherOrder() {
        assertReadsExpected(Split.VALID);
    }
}
