package lassi.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import lassi.BadInput;
import lassi.Version;

/**
 * Splits of one latent cache made from another's records without encoding images again: an exact
 * copy (environment and header), or a subset of the records in a given order (the
 * correlated-orientation train split of 3dshapes, spec §2.4). Both are written all-or-nothing,
 * like {@link LatentCacheWriter}.
 */
public final class LatentCacheCopies {
    private LatentCacheCopies() {}

    /** Copies split {@code split} of the cache in {@code from} to the cache in {@code to}, byte for byte. */
    public static void copy(Path from, Path to, Split split) throws IOException {
        LatentCacheFiles source = new LatentCacheFiles(from, split), target = new LatentCacheFiles(to, split);
        if (!Files.isRegularFile(source.environment()) || !Files.isRegularFile(source.header()))
            throw new BadInput("cannot copy split '" + split.stem() + "' of " + from + ": it has no complete "
                    + source.environment().getFileName() + " with a header");
        Files.createDirectories(to);
        Files.copy(source.environment(), target.partial(), StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(target.header());
        Files.move(target.partial(), target.environment(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(source.header(), target.header(), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Writes split {@code split} of the cache in {@code to} as records {@code records} of the same
     * split in {@code from}, in that order; its header is the source's, with the new count, the
     * option {@code subset = description} and this build's version. Returns the record count.
     */
    public static int subset(Path from, Path to, Split split, int[] records, String description) throws IOException {
        try (LatentCacheReader source = LatentCacheReader.open(from, split)) {
            LatentCacheHeader h = source.header().orElseThrow(() -> new BadInput(
                    "cannot take a subset of " + source.environment() + ": it has no header naming the model that made it"));
            Map<String, String> options = new TreeMap<>(h.options());
            options.put("subset", description);
            LatentCacheHeader header = new LatentCacheHeader(LatentCacheHeader.FORMAT_VERSION, h.modelSha256(), h.d(),
                    h.labelLength(), records.length, h.zShapes(), options, h.seed(), Version.get());
            float[] z = new float[h.d()];
            long[] y = new long[h.labelLength()];
            try (LatentCacheWriter out = LatentCacheWriter.create(to, split, header)) {
                for (int record : records) {
                    source.read(record, z, 0, y, 0);
                    out.append(z, y);
                }
                out.commit();
            }
            return records.length;
        }
    }
}
