package lassi.data;

import lassi.FileHash;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import lassi.BadInput;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tensor.Shape;
import tensor.Tensor;

/**
 * Reads one split of a latent cache (spec §2.5): item i is record "i", {@code x} the wrapped
 * latent [d] and {@code y} the full label vector. Opens the environment read-only, without a lock
 * file (a cache is never written once published), and checks it against its sidecar header. A
 * cache without a header is a reference cache: accepted, with a warning.
 *
 * <p>Values are read in place from LMDB's memory map through a {@link LatentRecordLayout}. One
 * read transaction lives as long as the reader; use a reader from one thread at a time.
 */
public final class LatentCacheReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LatentCacheReader.class);

    /** Records {@code indices} in that order. z: [B, d]; y: B label vectors. */
    public record Batch(int[] indices, Tensor z, long[][] y) {}

    private final LatentCacheFiles files;
    private final Optional<LatentCacheHeader> header;   // empty for a reference cache
    private final Env<ByteBuffer> env;
    private final Dbi<ByteBuffer> db;
    private final Txn<ByteBuffer> txn;
    private final ByteBuffer key = ByteBuffer.allocateDirect(16);
    private final int size, d, labelLength;
    private LatentRecordLayout layout;                  // of the last record read; null when size = 0

    private LatentCacheReader(LatentCacheFiles files, Env<ByteBuffer> env, Dbi<ByteBuffer> db, Txn<ByteBuffer> txn) {
        this.files = files;
        this.env = env;
        this.db = db;
        this.txn = txn;
        long entries = db.stat(txn).entries;
        if (entries > Integer.MAX_VALUE) throw new BadInput(files.environment() + ": " + entries + " records, more than 2^31-1");
        this.size = (int) entries;

        Path headerFile = files.header();
        if (Files.exists(headerFile)) {
            header = Optional.of(LatentCacheHeader.read(headerFile));
            if (header.get().count() != size)
                throw new BadInput(headerFile + " announces " + header.get().count() + " records but "
                        + files.environment() + " holds " + size);
        } else {
            header = Optional.empty();
            LOG.warn("{} has no header {}: a reference cache, accepted without checking the model that made it",
                    files.environment(), headerFile.getFileName());
        }
        if (size > 0) {
            layout = LatentRecordLayout.learn(value(0), source(0));
            d = layout.d;
            labelLength = layout.labelLength;
        } else {
            d = header.map(LatentCacheHeader::d).orElse(0);
            labelLength = header.map(LatentCacheHeader::labelLength).orElse(0);
        }
        header.ifPresent(h -> {
            if (h.d() != d || h.labelLength() != labelLength)
                throw new BadInput(files.environment() + " holds records with d = " + d + " and label length = " + labelLength
                        + " but its header says d = " + h.d() + " and label length = " + h.labelLength());
        });
    }

    /** Opens split {@code split} of the cache in {@code dir}. */
    public static LatentCacheReader open(Path dir, Split split) {
        LatentCacheFiles files = new LatentCacheFiles(dir, split);
        Path file = files.environment();
        if (Files.isDirectory(file))
            throw new BadInput(file + " is a directory; a latent cache split is one LMDB environment file (subdir = false)");
        if (!Files.isRegularFile(file))
            throw new BadInput("latent cache " + dir + " has no split '" + split.stem() + "': " + file + " not found");
        Env<ByteBuffer> env;
        try {
            env = Env.create().setMapSize(Math.max(Files.size(file), 1))
                    .open(file.toFile(), EnvFlags.MDB_NOSUBDIR, EnvFlags.MDB_RDONLY_ENV, EnvFlags.MDB_NOLOCK, EnvFlags.MDB_NOTLS);
        } catch (IOException | LmdbException e) {
            throw new BadInput(file + ": not a readable LMDB environment (" + e.getMessage() + ")", e);
        }
        Txn<ByteBuffer> txn = null;
        try {
            Dbi<ByteBuffer> db = env.openDbi((String) null);       // the unnamed main database
            txn = env.txnRead();
            return new LatentCacheReader(files, env, db, txn);
        } catch (RuntimeException e) {
            if (txn != null) txn.close();
            env.close();
            throw e;
        }
    }

    /** The LMDB environment file of this split. */
    public Path environment() { return files.environment(); }

    /** Number of records. */
    public int size() { return size; }

    /** Latent dimension d. */
    public int d() { return d; }

    public int labelLength() { return labelLength; }

    /** The sidecar header; empty for a reference cache. */
    public Optional<LatentCacheHeader> header() { return header; }

    /** Refuses a cache that was not made by the Glow model in {@code modelFile}. */
    public void requireModel(Path modelFile) {
        if (header.isEmpty()) {
            LOG.warn("cannot check that {} was made by {}: it has no header", files.environment(), modelFile);
            return;
        }
        String cacheModel = header.get().modelSha256(), expected = FileHash.sha256(modelFile);
        if (!cacheModel.equals(expected))
            throw new BadInput("cache " + files.dir() + " was made by model sha256 " + cacheModel + ", not by "
                    + modelFile + " (sha256 " + expected + ")");
    }

    /** Refuses a cache whose latents do not have dimension {@code expectedD}. */
    public void requireDimension(int expectedD) {
        if (d != expectedD)
            throw new BadInput("cache " + files.environment() + " holds latents of d = " + d + ", expected d = " + expectedD);
    }

    /** The latent x of record {@code index}, float32 [d]. */
    public float[] latent(int index) {
        float[] z = new float[d];
        ByteBuffer value = value(index);                    // first: it may switch the layout
        layout.readLatent(value, z, 0);
        return z;
    }

    /** The label vector y of record {@code index}, [label length]. */
    public long[] labels(int index) {
        long[] y = new long[labelLength];
        ByteBuffer value = value(index);
        layout.readLabels(value, y, 0);
        return y;
    }

    /** Copies record {@code index} into {@code z[zOffset .. + d]} and {@code y[yOffset .. + labelLength]}. */
    public void read(int index, float[] z, int zOffset, long[] y, int yOffset) {
        ByteBuffer value = value(index);
        layout.readLatent(value, z, zOffset);
        layout.readLabels(value, y, yOffset);
    }

    /** Records {@code indices}, in that order, as one batch. */
    public Batch batch(int[] indices) {
        float[] z = new float[indices.length * d];          // [B, d]
        long[] flatY = new long[labelLength];
        long[][] y = new long[indices.length][];
        for (int b = 0; b < indices.length; b++) {
            read(indices[b], z, b * d, flatY, 0);
            y[b] = flatY.clone();
        }
        return new Batch(indices.clone(), Tensor.of(Shape.of(indices.length, d), z), y);
    }

    /** The records in {@code order} (e.g. a shuffled epoch), {@code batchSize} at a time; the last batch may be smaller. */
    public Iterable<Batch> batches(int[] order, int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be > 0, got " + batchSize);
        int[] indices = order.clone();
        return () -> new Iterator<>() {
            private int from;

            @Override public boolean hasNext() { return from < indices.length; }

            @Override public Batch next() {
                if (!hasNext()) throw new NoSuchElementException();
                int to = Math.min(from + batchSize, indices.length);
                Batch batch = batch(Arrays.copyOfRange(indices, from, to));
                from = to;
                return batch;
            }
        };
    }

    @Override public void close() {
        txn.close();
        env.close();
    }

    // The value of record "index", valid until the next lookup, with the current layout learned for it.
    private ByteBuffer value(int index) {
        Objects.checkIndex(index, size);
        key.clear();
        key.put(LatentCacheFiles.key(index)).flip();
        ByteBuffer value = db.get(txn, key);
        if (value == null) throw new BadInput(files.environment() + ": record \"" + index + "\" is missing (the cache holds " + size + " entries)");
        if (layout == null || !layout.matches(value)) {
            LatentRecordLayout learned = LatentRecordLayout.learn(value, source(index));
            if (layout != null && (learned.d != d || learned.labelLength != labelLength))
                throw new BadInput(source(index) + " has d = " + learned.d + " and label length = " + learned.labelLength
                        + ", record \"0\" has d = " + d + " and label length = " + labelLength);
            layout = learned;
        }
        return value;
    }

    private String source(int index) {
        return files.environment() + " record \"" + index + "\"";
    }
}
