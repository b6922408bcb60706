package lassi.data;

import lassi.FileHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tensor.random.Rng;

/**
 * Benchmark, not a test: one shuffled epoch over an S16-sized latent cache (9,600 records,
 * d = 768 = 6·8·8 + 12·4·4 + 48·2·2, 6 labels as for 3dshapes), read in batches of 128 as
 * [128, d] tensors. Prints one JSON line in the format of bench/WORKLOADS.md.
 *
 * <pre>java ... lassi.data.LatentCacheEpochBench [DIR]</pre>   (DIR: keep the cache there)
 */
public final class LatentCacheEpochBench {
    private static final int COUNT = 9_600, LABELS = 6, BATCH = 128, WARMUP = 3, REPS = 7;
    private static final List<int[]> Z_SHAPES = List.of(new int[] {6, 8, 8}, new int[] {12, 4, 4}, new int[] {48, 2, 2});

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("latent-cache-bench");
        Path model = dir.resolve("model.bin");
        Files.createDirectories(dir);
        Files.writeString(model, "stand-in model");
        LatentCacheHeader header = LatentCacheHeader.of(FileHash.sha256(model), Z_SHAPES, LABELS, COUNT, Map.of(), 0);

        Rng rng = new Rng(1);
        long writeStart = System.nanoTime();
        try (LatentCacheWriter cache = LatentCacheWriter.create(dir, Split.TRAIN, header)) {
            float[] z = new float[header.d()];
            long[] y = new long[LABELS];
            for (int i = 0; i < COUNT; i++) {
                for (int j = 0; j < z.length; j++) z[j] = (float) rng.nextGaussian();
                for (int k = 0; k < LABELS; k++) y[k] = rng.nextInt(15);
                cache.append(z, y);
            }
            cache.commit();
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

        double[] seconds = new double[REPS];
        double checksum = 0;
        try (LatentCacheReader cache = LatentCacheReader.open(dir, Split.TRAIN)) {
            int[] order = new int[COUNT];
            Arrays.setAll(order, i -> i);
            for (int rep = -WARMUP; rep < REPS; rep++) {
                rng.shuffle(order);
                long start = System.nanoTime();
                for (LatentCacheReader.Batch batch : cache.batches(order, BATCH)) checksum += batch.z().data()[0] + batch.y()[0][0];
                if (rep >= 0) seconds[rep] = (System.nanoTime() - start) / 1e9;
            }
        }
        Arrays.sort(seconds);
        System.out.printf("{\"name\": \"latent_cache_epoch_s16\", \"seconds_median\": %.4f, \"seconds_min\": %.4f, \"reps\": %d, "
                        + "\"gflops\": null, \"device\": \"cpu\", \"threads\": 1, \"write_seconds\": %.3f, \"checksum\": %.3f}%n",
                seconds[REPS / 2], seconds[0], REPS, writeSeconds, checksum);
        if (args.length == 0) {
            for (String name : new String[] {"train.lmdb", "train.lmdb.header.json", "model.bin"}) Files.deleteIfExists(dir.resolve(name));
            Files.deleteIfExists(dir);
        }
    }
}
