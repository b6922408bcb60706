package lassi.glow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lassi.BadInput;
import lassi.data.ImageDataset;
import lassi.data.LatentCacheCopies;
import lassi.data.LatentCacheHeader;
import lassi.data.LatentCacheSource;
import lassi.data.LatentCacheWriter;
import lassi.data.Split;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tensor.Grad;

/**
 * Encodes a dataset into latent caches (spec §2.5): every image of every split, in dataset order,
 * runs once through the Glow in eval mode, without dequantisation noise and without gradient, and
 * record i of the split is (x = wrap(G.latents(x_i)) float32 [d], y = the full label vector). The
 * priors are skipped: log p is not stored.
 *
 * <p>All-or-nothing for the whole run: every cache is built in a staging folder
 * {@code <out>/.<name>.partial} and renamed onto {@code <out>/<name>} only when all caches are
 * complete; a failed run deletes its staging folders, a killed one leaves only them (removed by
 * the next run). An existing cache folder is never overwritten.
 */
public final class LatentCacheEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(LatentCacheEncoder.class);
    /** Encoding draws no random numbers; the header's seed is always this. */
    public static final long SEED = 0;

    /** Receives progress: images encoded (per batch) and each split when its records are all written. */
    public interface Listener {
        void encoded(int images);

        void written(Written split);
    }

    /** How a split's records were made. */
    public enum Origin { ENCODED, SUBSET, COPY }

    /** A split written; {@code from} names the records a subset or copy took; seconds of wall time. */
    public record Written(String cache, Split split, int records, Origin origin, String from, double seconds) {
        /** "glow_3dshapes_latent_lmdb/train.lmdb: 9600 records, encoded in 12.0 s (800 images/s)". */
        public String describe() {
            return cache + "/" + split.stem() + ".lmdb: " + records + " records, " + switch (origin) {
                case ENCODED -> String.format("encoded in %.1f s (%.0f images/s)", seconds, records / Math.max(seconds, 1e-9));
                case SUBSET -> "the " + from;
                case COPY -> "a copy of " + from;
            };
        }
    }

    private final Glow glow;
    private final String modelSha256;          // of the model's state file, written into every header
    private final int batchSize;
    private final Map<String, String> options;  // the command's effective options, for the headers
    private final Listener listener;

    public LatentCacheEncoder(Glow glow, String modelSha256, int batchSize, Map<String, String> options, Listener listener) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        this.glow = glow;
        this.modelSha256 = modelSha256;
        this.batchSize = batchSize;
        this.options = new LinkedHashMap<>(options);
        this.listener = listener;
    }

    /** Writes the caches of {@code source} into {@code out}; returns the cache folders. */
    public List<Path> encode(LatentCacheSource source, Path out) throws IOException {
        List<String> names = requireNewCaches(source, out);
        List<Path> staging = new ArrayList<>();
        for (String name : names) {
            Path dir = out.resolve("." + name + ".partial");
            if (Files.exists(dir)) LOG.info("removing {} left by an interrupted run", dir);
            deleteTree(dir);
            staging.add(Files.createDirectories(dir));
        }
        boolean published = false;
        try {
            glow.eval();
            Path main = staging.get(0);
            for (Split split : Split.values()) encodeSplit(source.split(split), main, source.name(), split);
            for (int i = 0; i < source.subsets().size(); i++) {
                LatentCacheSource.Subset subset = source.subsets().get(i);
                Path dir = staging.get(i + 1);
                long start = System.nanoTime();
                int n = LatentCacheCopies.subset(main, dir, Split.TRAIN, subset.trainRecords(), subset.description());
                listener.written(new Written(subset.name(), Split.TRAIN, n, Origin.SUBSET, subset.description(), seconds(start)));
                for (Split split : List.of(Split.VALID, Split.TEST)) {
                    start = System.nanoTime();
                    LatentCacheCopies.copy(main, dir, split);
                    listener.written(new Written(subset.name(), split, source.split(split).size(), Origin.COPY,
                            source.name() + "/" + split.stem() + ".lmdb", seconds(start)));
                }
            }
            List<Path> targets = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                targets.add(out.resolve(names.get(i)));
                Files.move(staging.get(i), targets.get(i), StandardCopyOption.ATOMIC_MOVE);
            }
            published = true;
            return targets;
        } finally {
            if (!published) for (Path dir : staging) deleteQuietly(dir);
        }
    }

    /** The names of the caches {@code source} makes; refuses, in one line, if any already exists in {@code out}. */
    public static List<String> requireNewCaches(LatentCacheSource source, Path out) {
        List<String> names = new ArrayList<>(List.of(source.name()));
        source.subsets().forEach(s -> names.add(s.name()));
        for (String name : names)
            if (Files.exists(out.resolve(name)))
                throw new BadInput(out.resolve(name) + " already exists; remove it or write the caches to another folder");
        return names;
    }

    /** Record i = (wrap(G.latents(x_i)), y_i) for every item of {@code data}, batch by batch in dataset order. */
    private void encodeSplit(ImageDataset data, Path dir, String cache, Split split) throws IOException {
        int n = data.size(), d = glow.config().d();
        long start = System.nanoTime();
        LatentCacheHeader header = LatentCacheHeader.of(modelSha256, glow.config().zShapes(), data.labelLength(), n, options, SEED);
        try (LatentCacheWriter writer = LatentCacheWriter.create(dir, split, header); var noGrad = Grad.disabled()) {
            for (int from = 0; from < n; from += batchSize) {
                int[] items = new int[Math.min(batchSize, n - from)];
                for (int b = 0; b < items.length; b++) items[b] = from + b;
                float[] z = Latents.wrap(glow.latents(data.batch(items))).data();        // [B, d]
                for (int b = 0; b < items.length; b++) writer.append(Arrays.copyOfRange(z, b * d, (b + 1) * d), data.labels(items[b]));
                listener.encoded(items.length);
            }
            writer.commit();
        }
        listener.written(new Written(cache, split, n, Origin.ENCODED, "", seconds(start)));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** After a failure: a staging folder that cannot be deleted is logged, not allowed to hide the failure. */
    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            LOG.warn("could not delete {} ({}); the next run removes it", dir, e.getMessage());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
