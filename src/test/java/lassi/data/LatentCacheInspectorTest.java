package lassi.data;

import lassi.FileHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lassi.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tensor.Golden;

/** lassi data inspect on latent cache folders: ours (with headers) and the reference's (without). */
class LatentCacheInspectorTest {
    @TempDir Path dir;

    @Test void describesEverySplitOfACacheWithHeaders() throws IOException {
        Path model = LatentCacheSamples.model(dir, "glow.pt", "model A");
        LatentCacheSamples.write(dir, Split.TRAIN, LatentCacheSamples.header(model, 5));
        LatentCacheSamples.write(dir, Split.TEST, LatentCacheSamples.header(model, 2));
        List<long[]> progress = new ArrayList<>();
        List<String> report = DatasetInspector.inspect(dir, (done, total) -> progress.add(new long[] {done, total}));
        assertThat(report).anyMatch(l -> l.matches("format +latent cache \\(LMDB, one environment file per split\\), 2 of 3 splits"));
        assertThat(report).anyMatch(l -> l.equals(String.format("%-28s %s", "split train", dir.resolve("train.lmdb"))));
        assertThat(report).anyMatch(l -> l.matches("split valid +absent \\(valid.lmdb\\)"));
        assertThat(report).anyMatch(l -> l.matches("train count +5"));
        assertThat(report).anyMatch(l -> l.matches("train d +12"));
        assertThat(report).anyMatch(l -> l.matches("train label length +3"));
        assertThat(report).anyMatch(l -> l.matches("train model sha256 +" + FileHash.sha256(model)));
        assertThat(report).anyMatch(l -> l.matches("train z-shapes +\\[\\[2, 2, 2\\], \\[4, 1, 1\\]\\]"));
        assertThat(report).anyMatch(l -> l.matches("train options +--batch-size 128, --data shapes3d.h5; seed 7"));
        // y_i = (i, -i, 2^40 + 7i + 2): LatentCacheSamples.y
        assertThat(report).anyMatch(l -> l.matches("train y\\[1\\] +5 values \\(value:count\\) -4:1 -3:1 -2:1 -1:1 0:1"));
        assertThat(report).anyMatch(l -> l.matches("test y\\[0\\] +2 values \\(value:count\\) 0:1 1:1"));
        assertThat(report).anyMatch(l -> l.matches("test checked +all 2 records read, latents finite"));
        assertThat(progress.get(progress.size() - 1)).containsExactly(7, 7);
    }

    @Test void aReferenceCacheHasNoHeader() {
        Path reference = Golden.path("cache", "expected.npz").getParent();
        List<String> report = new ArrayList<>();
        String log = LatentCacheSamples.stderrOf(() -> report.addAll(DatasetInspector.inspect(reference, Progress.NONE)));
        assertThat(log).contains("a reference cache");
        assertThat(report).anyMatch(l -> l.matches("train header +no header \\(reference cache\\)"));
        assertThat(report).anyMatch(l -> l.matches("valid checked +all \\d+ records read, latents finite"));
        assertThat(report).anyMatch(l -> l.matches("split test +absent \\(test.lmdb\\)"));
    }

    @Test void aNonFiniteLatentIsReported() throws IOException {
        Path model = LatentCacheSamples.model(dir, "glow.pt", "model A");
        LatentCacheHeader header = LatentCacheSamples.header(model, 3);
        try (LatentCacheWriter cache = LatentCacheWriter.create(dir, Split.VALID, header)) {
            for (int i = 0; i < 3; i++) {
                float[] z = LatentCacheSamples.z(i, header.d());
                if (i == 2) z[5] = Float.NaN;
                cache.append(z, LatentCacheSamples.y(i, header.labelLength()));
            }
            cache.commit();
        }
        assertThatThrownBy(() -> DatasetInspector.inspect(dir, Progress.NONE)).isInstanceOf(BadInput.class)
                .hasMessage(dir.resolve("valid.lmdb") + " record \"2\": latent x[5] = NaN is not finite");
    }
}
