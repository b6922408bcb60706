package lassi.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tensor.io.AtomicFile;
import tensor.io.NpyArray;
import tensor.io.Npz;

/**
 * Writes one split of a latent cache (spec §2.5): record i = (x = z_i float32 [d], y = y_i int64
 * [label length]) as an uncompressed .npz under the key "i" of the unnamed database, in the order
 * of {@link #append} calls.
 *
 * <pre>
 * try (LatentCacheWriter cache = LatentCacheWriter.create(dir, Split.TRAIN, header)) {
 *     for (...) cache.append(z, y);
 *     cache.commit();
 * }
 * </pre>
 *
 * Records are written in batched transactions to {@code <split>.lmdb.partial}; {@link #commit}
 * syncs it, deletes the old sidecar header if any, renames the partial file onto
 * {@code <split>.lmdb} and writes the new header (temporary file + rename). Closing without a
 * completed commit deletes the partial file, and a crash leaves only the partial file (removed by
 * the next writer of that split), so a {@code <split>.lmdb} is always complete and never sits
 * next to another cache's header. A crash inside commit, after the old header is deleted and
 * before the new one is written, leaves a complete environment without a header, which readers
 * accept as a reference cache, with a warning. One writer per split at a time.
 */
public final class LatentCacheWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LatentCacheWriter.class);
    private static final int BATCH_RECORDS = 256;         // records per write transaction
    private static final long PAGE = 4096;                // LMDB's page on x86-64; larger pages only make the map grow

    private final LatentCacheFiles files;
    private final LatentCacheHeader header;
    private final Env<byte[]> env;
    private final Dbi<byte[]> db;
    private final List<byte[]> pending = new ArrayList<>();   // values of records appended, not yet in the environment
    private long mapSize;
    private int appended, written;
    private boolean envClosed, committed;

    private LatentCacheWriter(LatentCacheFiles files, LatentCacheHeader header, long mapSize) {
        this.files = files;
        this.header = header;
        this.mapSize = mapSize;
        // MDB_NOSYNC: a crash can only lose the partial file, and commit() syncs before publishing it.
        this.env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(mapSize)
                .open(files.partial().toFile(), EnvFlags.MDB_NOSUBDIR, EnvFlags.MDB_NOSYNC);
        try {
            this.db = env.openDbi((String) null, DbiFlags.MDB_CREATE);   // the unnamed main database, no named ones
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
    }

    /**
     * Starts writing split {@code split} of the cache in {@code dir}; {@code header.count()} records
     * must be appended before {@link #commit}. Removes the partial file of an interrupted write.
     */
    public static LatentCacheWriter create(Path dir, Split split, LatentCacheHeader header) throws IOException {
        // Generous map: twice the records, each rounded up to whole pages plus one (LMDB grows the
        // file only as far as it writes; the map is address space). Grown on demand if still short.
        long recordPages = (encode(new float[header.d()], new long[header.labelLength()]).length + PAGE - 1) / PAGE + 1;
        return create(dir, split, header, 2 * PAGE * (recordPages * header.count() + 256));
    }

    /** As {@link #create(Path, Split, LatentCacheHeader)}, starting with a map of {@code mapSize} bytes. */
    static LatentCacheWriter create(Path dir, Split split, LatentCacheHeader header, long mapSize) throws IOException {
        LatentCacheFiles files = new LatentCacheFiles(dir, split);
        Files.createDirectories(dir);
        if (Files.exists(files.partial())) LOG.info("removing {} left by an interrupted write", files.partial());
        deletePartial(files);
        return new LatentCacheWriter(files, header, mapSize);
    }

    /** Appends record {@link #appended()}: the latent {@code z} [d] and its labels {@code y} [label length]. */
    public void append(float[] z, long[] y) {
        if (envClosed) throw new IllegalStateException("latent cache writer for " + files.environment() + " is closed");
        if (z.length != header.d() || y.length != header.labelLength())
            throw new IllegalArgumentException("record " + appended + ": z [" + z.length + "] and y [" + y.length
                    + "] do not match the header's d = " + header.d() + " and label length = " + header.labelLength());
        if (appended == header.count())
            throw new IllegalStateException("record " + appended + " is one more than the header's count " + header.count());
        pending.add(encode(z, y));
        appended++;
        if (pending.size() == BATCH_RECORDS) flush();
    }

    /** Number of records appended so far. */
    public int appended() {
        return appended;
    }

    /** Writes the remaining records, then publishes the environment and its header (see class comment). */
    public void commit() throws IOException {
        if (appended != header.count())
            throw new IllegalStateException(appended + " records appended, the header announces " + header.count());
        flush();
        env.sync(true);
        closeEnvironment();
        Files.deleteIfExists(LatentCacheFiles.lockOf(files.partial()));
        Files.deleteIfExists(files.header());            // never leave an old header beside the new records
        Files.move(files.partial(), files.environment(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
        AtomicFile.write(files.header(), header.toJson());
    }

    /** Without a completed commit: discards everything written. */
    @Override public void close() {
        closeEnvironment();
        if (committed) return;
        try {
            deletePartial(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + files.partial(), e);
        }
    }

    private void closeEnvironment() {
        if (envClosed) return;
        envClosed = true;
        env.close();
    }

    // Writes the pending records in one transaction; on a full map, aborts it, doubles the map and retries.
    private void flush() {
        while (!pending.isEmpty()) {
            try (Txn<byte[]> txn = env.txnWrite()) {
                for (int i = 0; i < pending.size(); i++)
                    db.put(txn, LatentCacheFiles.key(written + i), pending.get(i));
                txn.commit();
                written += pending.size();
                pending.clear();
            } catch (Env.MapFullException full) {
                mapSize *= 2;
                env.setMapSize(mapSize);
            }
        }
    }

    /** The value bytes of one record: np.savez(x=z, y=y), members STORED, x first. */
    static byte[] encode(float[] z, long[] y) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NpyArray.ofFloats(z, z.length));
        arrays.put("y", NpyArray.ofLongs(y, y.length));
        return Npz.toBytes(arrays);
    }

    private static void deletePartial(LatentCacheFiles files) throws IOException {
        Files.deleteIfExists(files.partial());
        Files.deleteIfExists(LatentCacheFiles.lockOf(files.partial()));
    }
}
