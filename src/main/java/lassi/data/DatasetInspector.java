package lassi.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import lassi.BadInput;

/**
 * Validates a dataset of any supported kind and describes it: a 3dshapes HDF5 file (generated or
 * the real one, or a folder holding {@code 3dshapes.h5}), a CelebA folder, a FairFace folder, or
 * a latent cache folder (see {@link LatentCacheInspector}).
 * Every image is read (3dshapes) or has its header checked (photos), so a returned report means
 * the whole dataset is readable.
 */
public final class DatasetInspector {
    private static final int BLOCK = 1024;                  // 3dshapes rows read per step

    private DatasetInspector() {}

    /** The report lines ("key  value"); throws {@link BadInput} for anything unreadable. */
    public static List<String> inspect(Path path, Progress progress) {
        if (LatentCacheInspector.isCache(path)) return LatentCacheInspector.inspect(path, progress);
        return switch (DatasetKind.of(path)) {
            case SHAPES3D -> shapes3d(DatasetKind.shapes3dFile(path), progress);
            case CELEBA -> celeba(path, progress);
            case FAIRFACE -> fairFace(path, progress);
        };
    }

    private static List<String> shapes3d(Path file, Progress progress) {
        List<String> out = new ArrayList<>();
        try (Shapes3dFile f = Shapes3dFile.open(file)) {
            int n = f.count(), s = f.imageSize();
            out.add(line("format", "3dshapes HDF5, " + f.generator().map(g -> g + ", seed " + f.attribute("seed").orElse("?"))
                    .orElse("no generator attribute (the reference file)")));
            out.add(line("file", file.toString()));
            out.add(line("count", String.valueOf(n)));
            out.add(line("images", n + " x " + s + " x " + s + " x 3 uint8, " + f.imageLayout()));
            int[][] counts = new int[Shapes3dGrid.FACTORS][];
            for (Shapes3dFactor factor : Shapes3dFactor.values()) counts[factor.column()] = new int[factor.count()];
            for (int r = 0; r < n; r++) {
                int[] codes = f.codes(r);
                for (int c = 0; c < codes.length; c++) counts[c][codes[c]]++;
            }
            for (Shapes3dFactor factor : Shapes3dFactor.values())
                out.add(line("factor " + factor.label(), factor.count() + " values, rows per code: " + join(counts[factor.column()])));
            Path dir = file.toAbsolutePath().getParent();
            int[] train = null;
            for (Split split : Split.values()) {
                Path splitFile = SplitFiles.path(dir, split);
                if (!Files.exists(splitFile)) {
                    out.add(line("split " + split.stem(), "absent (" + splitFile.getFileName() + ")"));
                    continue;
                }
                int[] rows = f.splitRows(split);
                if (split == Split.TRAIN) train = rows;
                out.add(line("split " + split.stem(), rows.length + " rows"));
            }
            if (train != null) {
                int[][] codes = new int[n][];
                for (int r : train) codes[r] = f.codes(r);
                int kept = CorrelatedSubset.select(train, codes).length;
                out.add(line("correlated train", String.format("%d rows (%.1f%% of train)", kept, 100.0 * kept / Math.max(1, train.length))));
            }
            byte[] block = new byte[BLOCK * f.imageBytes()];
            for (int from = 0; from < n; from += BLOCK) {
                f.readImages(from, Math.min(n, from + BLOCK), block, 0);
                progress.report(Math.min(n, from + BLOCK), n);
            }
            out.add(line("checked", "all " + n + " images read"));
        }
        return out;
    }

    private static List<String> celeba(Path root, Progress progress) {
        Celeba c = Celeba.open(root);
        List<String> out = new ArrayList<>();
        out.add(line("format", "CelebA folder (" + Celeba.IMAGES + ", " + Celeba.ATTRIBUTE_FILE + ", " + Celeba.PARTITION_FILE + ")"));
        out.add(line("count", String.valueOf(c.count())));
        out.add(line("images", Celeba.WIDTH + " x " + Celeba.HEIGHT + " JPEG"));
        int[] perSplit = new int[Split.values().length];
        int[] positive = new int[Celeba.ATTRIBUTES.size()];
        for (int r = 0; r < c.count(); r++) {
            perSplit[c.partition(r).ordinal()]++;
            long[] y = c.attributes(r);
            for (int a = 0; a < y.length; a++) positive[a] += (int) y[a];
        }
        for (Split s : Split.values()) out.add(line("split " + s.stem(), perSplit[s.ordinal()] + " images"));
        for (int a = 0; a < positive.length; a++)
            out.add(line("attribute " + Celeba.ATTRIBUTES.get(a), positive[a] + " of " + c.count() + " positive"));
        c.checkImages(progress);
        out.add(line("checked", "all " + c.count() + " images are " + Celeba.WIDTH + " x " + Celeba.HEIGHT));
        return out;
    }

    private static List<String> fairFace(Path root, Progress progress) {
        FairFace f = FairFace.open(root);
        List<String> out = new ArrayList<>();
        out.add(line("format", "FairFace folder, padding 0.25 (" + FairFace.TRAIN_CSV + ", " + FairFace.VAL_CSV + ")"));
        int[] ages = new int[FairFace.AGES.size()], races = new int[FairFace.RACES.size()];
        List<String> splits = new ArrayList<>();
        int total = 0;
        for (Split s : Split.values()) {
            long[][] labels = f.labels(s);
            total += labels.length;
            for (long[] y : labels) {
                ages[(int) y[0]]++;
                races[(int) y[1]]++;
            }
            splits.add(line("split " + s.stem(), labels.length + " images" + (s == Split.TEST ? " (" + FairFace.VAL_CSV + ")"
                    : f.customSplit() ? " (custom split file)" : " (seeded 80/20 split, seed " + FairFace.SPLIT_SEED + ")")));
        }
        out.add(line("count", String.valueOf(total)));
        out.add(line("images", FairFace.SIDE + " x " + FairFace.SIDE + " JPEG"));
        out.addAll(splits);
        for (int a = 0; a < ages.length; a++) out.add(line("age " + FairFace.AGES.get(a), ages[a] + " images"));
        for (int r = 0; r < races.length; r++) out.add(line("race " + FairFace.RACES.get(r), races[r] + " images"));
        f.checkImages(progress);
        out.add(line("checked", "all " + total + " images are " + FairFace.SIDE + " x " + FairFace.SIDE));
        return out;
    }

    static String line(String key, String value) {
        return String.format("%-28s %s", key, value);
    }

    private static String join(int[] values) {
        StringJoiner j = new StringJoiner(" ");
        for (int v : values) j.add(String.valueOf(v));
        return j.toString();
    }
}
