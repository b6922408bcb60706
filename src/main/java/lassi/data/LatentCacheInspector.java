package lassi.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import lassi.BadInput;

/**
 * Validates and describes a latent cache folder (spec §2.5): for each split present, its file,
 * record count, d, label length, sidecar header (or that it has none: a reference cache), the
 * value counts of every label column; every record is read, and every latent must be finite.
 */
final class LatentCacheInspector {
    private LatentCacheInspector() {}

    /** Whether {@code path} is a folder holding at least one {@code <split>.lmdb}. */
    static boolean isCache(Path path) {
        if (!Files.isDirectory(path)) return false;
        for (Split split : Split.values())
            if (Files.exists(new LatentCacheFiles(path, split).environment())) return true;
        return false;
    }

    static List<String> inspect(Path dir, Progress progress) {
        List<String> out = new ArrayList<>();
        List<Split> present = new ArrayList<>();
        for (Split split : Split.values())
            if (Files.exists(new LatentCacheFiles(dir, split).environment())) present.add(split);
        out.add(line("format", "latent cache (LMDB, one environment file per split), " + present.size() + " of 3 splits"));
        long total = 0, done = 0;
        List<LatentCacheReader> readers = new ArrayList<>();
        try {
            for (Split split : present) {
                readers.add(LatentCacheReader.open(dir, split));
                total += readers.get(readers.size() - 1).size();
            }
            for (Split split : Split.values()) {
                int at = present.indexOf(split);
                if (at < 0) {
                    out.add(line("split " + split.stem(), "absent (" + new LatentCacheFiles(dir, split).environment().getFileName() + ")"));
                    continue;
                }
                LatentCacheReader cache = readers.get(at);
                describe(cache, split, out);
                done = readAll(cache, split, out, progress, done, total);
            }
        } finally {
            readers.forEach(LatentCacheReader::close);
        }
        return out;
    }

    private static void describe(LatentCacheReader cache, Split split, List<String> out) {
        String s = split.stem();
        out.add(line("split " + s, cache.environment().toString()));
        out.add(line(s + " count", String.valueOf(cache.size())));
        out.add(line(s + " d", String.valueOf(cache.d())));
        out.add(line(s + " label length", String.valueOf(cache.labelLength())));
        cache.header().ifPresentOrElse(h -> {
            out.add(line(s + " model sha256", h.modelSha256()));
            out.add(line(s + " z-shapes", LatentCacheHeader.shapesText(h.zShapes())));
            out.add(line(s + " version", h.version() + " (header format " + h.formatVersion() + ")"));
            StringJoiner options = new StringJoiner(", ");
            h.options().forEach((k, v) -> options.add(k + " " + v));
            out.add(line(s + " options", options + "; seed " + h.seed()));
        }, () -> out.add(line(s + " header", "no header (reference cache)")));
    }

    /** Reads every record of one split, counts label values per column; returns the records done so far. */
    private static long readAll(LatentCacheReader cache, Split split, List<String> out, Progress progress, long done, long total) {
        int n = cache.size(), d = cache.d(), k = cache.labelLength();
        List<Map<Long, Integer>> counts = new ArrayList<>();
        for (int c = 0; c < k; c++) counts.add(new TreeMap<>());
        float[] z = new float[d];
        long[] y = new long[k];
        for (int i = 0; i < n; i++) {
            cache.read(i, z, 0, y, 0);
            for (int j = 0; j < d; j++)
                if (!Float.isFinite(z[j]))
                    throw new BadInput(cache.environment() + " record \"" + i + "\": latent x[" + j + "] = " + z[j] + " is not finite");
            for (int c = 0; c < k; c++) counts.get(c).merge(y[c], 1, Integer::sum);
            progress.report(done + i + 1, total);
        }
        for (int c = 0; c < k; c++) {
            StringJoiner values = new StringJoiner(" ");
            counts.get(c).forEach((value, count) -> values.add(value + ":" + count));
            out.add(line(split.stem() + " y[" + c + "]", counts.get(c).size() + " values (value:count) " + values));
        }
        out.add(line(split.stem() + " checked", "all " + n + " records read, latents finite"));
        return done + n;
    }

    private static String line(String key, String value) {
        return DatasetInspector.line(key, value);
    }
}
