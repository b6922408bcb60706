package lassi.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.CursorIterable;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.Txn;
import tensor.io.NpyArray;
import tensor.io.Npz;

import static lassi.data.LatentCacheSamples.LABELS;
import static lassi.data.LatentCacheSamples.y;
import static lassi.data.LatentCacheSamples.z;
import static org.assertj.core.api.Assertions.assertThat;

class LatentCacheRoundTripTest {
    private static final int N = 300;

    @TempDir Path dir;

    @Test void readsBackEveryRecordAndTheHeader() throws IOException {
        LatentCacheHeader written = LatentCacheSamples.header(LatentCacheSamples.model(dir, "glow.pt", "model A"), N);
        LatentCacheSamples.write(dir, Split.TRAIN, written);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("glow.pt", "train.lmdb", "train.lmdb.header.json");
        }
        try (LatentCacheReader cache = LatentCacheReader.open(dir, Split.TRAIN)) {
            assertThat(cache.size()).isEqualTo(N);
            assertThat(cache.d()).isEqualTo(12);
            assertThat(cache.labelLength()).isEqualTo(LABELS);
            for (int i = 0; i < N; i++) {
                assertThat(cache.latent(i)).as("x of record %d", i).containsExactly(z(i, 12));
                assertThat(cache.labels(i)).as("y of record %d", i).containsExactly(y(i, LABELS));
            }
            LatentCacheHeader read = cache.header().orElseThrow();
            assertThat(read.modelSha256()).isEqualTo(written.modelSha256());
            assertThat(read.count()).isEqualTo(N);
            assertThat(read.zShapes()).containsExactly(new int[] {2, 2, 2}, new int[] {4, 1, 1});
            assertThat(read.options()).isEqualTo(Map.of("--data", "shapes3d.h5", "--batch-size", "128"));
            assertThat(read.seed()).isEqualTo(7L);
            assertThat(read.version()).isEqualTo(written.version());
            assertThat(read.formatVersion()).isEqualTo(LatentCacheHeader.FORMAT_VERSION);
        }
    }

    @Test void holdsExactlyTheDecimalKeysWithNpzValuesInTheUnnamedDatabase() throws IOException {
        LatentCacheSamples.write(dir, Split.VALID, LatentCacheSamples.header(LatentCacheSamples.model(dir, "glow.pt", "m"), N));

        Set<String> keys = new HashSet<>();
        try (Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMaxDbs(1)
                .open(dir.resolve("valid.lmdb").toFile(), EnvFlags.MDB_NOSUBDIR, EnvFlags.MDB_RDONLY_ENV, EnvFlags.MDB_NOLOCK)) {
            Dbi<byte[]> db = env.openDbi((String) null);
            try (Txn<byte[]> txn = env.txnRead(); CursorIterable<byte[]> records = db.iterate(txn)) {
                assertThat(db.stat(txn).entries).isEqualTo(N);
                for (CursorIterable.KeyVal<byte[]> record : records) {
                    String key = new String(record.key(), StandardCharsets.US_ASCII);
                    keys.add(key);
                    int i = Integer.parseInt(key);
                    Map<String, NpyArray> arrays = Npz.read(record.val(), "record " + key);
                    assertThat(arrays.keySet()).containsExactly("x", "y");
                    assertThat(arrays.get("x").dtype()).isEqualTo(NpyArray.DType.FLOAT32);
                    assertThat(arrays.get("x").shape()).containsExactly(12);
                    assertThat(arrays.get("x").toFloats()).containsExactly(z(i, 12));
                    assertThat(arrays.get("y").dtype()).isEqualTo(NpyArray.DType.INT64);
                    assertThat(arrays.get("y").toLongs()).containsExactly(y(i, LABELS));
                }
            }
        }
        assertThat(keys).isEqualTo(IntStream.range(0, N).mapToObj(Integer::toString).collect(Collectors.toSet()));
    }

    @Test void streamsBatchesInTheGivenOrder() throws IOException {
        LatentCacheSamples.write(dir, Split.TRAIN, LatentCacheSamples.header(LatentCacheSamples.model(dir, "glow.pt", "m"), N));
        int[] order = new java.util.Random(3).ints(0, N).distinct().limit(N).toArray();   // a shuffled epoch
        try (LatentCacheReader cache = LatentCacheReader.open(dir, Split.TRAIN)) {
            List<Integer> seen = new ArrayList<>();
            List<Integer> batchSizes = new ArrayList<>();
            for (LatentCacheReader.Batch batch : cache.batches(order, 64)) {
                batchSizes.add(batch.indices().length);
                assertThat(batch.z().shape().dims()).containsExactly(batch.indices().length, 12);
                for (int b = 0; b < batch.indices().length; b++) {
                    int i = batch.indices()[b];
                    seen.add(i);
                    float[] row = java.util.Arrays.copyOfRange(batch.z().data(), b * 12, (b + 1) * 12);
                    assertThat(row).as("z row %d (record %d)", b, i).containsExactly(z(i, 12));
                    assertThat(batch.y()[b]).as("y row %d (record %d)", b, i).containsExactly(y(i, LABELS));
                }
            }
            assertThat(seen).containsExactly(IntStream.of(order).boxed().toArray(Integer[]::new));
            assertThat(batchSizes).containsExactly(64, 64, 64, 64, 44);
        }
    }

    @Test void growsAMapThatIsTooSmall() throws IOException {
        LatentCacheHeader header = LatentCacheSamples.header(LatentCacheSamples.model(dir, "glow.pt", "m"), N);
        try (LatentCacheWriter cache = LatentCacheWriter.create(dir, Split.TEST, header, 64 * 1024)) {   // N values need ~3x this
            for (int i = 0; i < N; i++) cache.append(z(i, 12), y(i, LABELS));
            cache.commit();
        }
        try (LatentCacheReader cache = LatentCacheReader.open(dir, Split.TEST)) {
            assertThat(cache.size()).isEqualTo(N);
            assertThat(cache.latent(N - 1)).containsExactly(z(N - 1, 12));
        }
    }
}
