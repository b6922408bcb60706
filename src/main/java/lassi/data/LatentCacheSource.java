package lassi.data;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import lassi.BadInput;

/**
 * The images a set of latent caches is made from (spec §2.5): the three splits of one dataset,
 * each encoded in dataset order into the cache {@link #name()}, plus, for 3dshapes, the cache
 * whose train split is the correlated-orientation subset (§2.4) of those train records and whose
 * valid and test splits are the same as the main cache's (a {@link Subset}, made without encoding
 * any image twice). Cache names as the reference: {@code glow_3dshapes_latent_lmdb},
 * {@code glow_3dshapes_latent_lmdb_correlated_orientation}, {@code glow_celeba_<S>_latent_lmdb},
 * {@code glow_fairface_latent_lmdb}.
 */
public final class LatentCacheSource implements AutoCloseable {
    public static final String SHAPES3D = "glow_3dshapes_latent_lmdb", FAIRFACE = "glow_fairface_latent_lmdb",
            SHAPES3D_CORRELATED = SHAPES3D + "_correlated_orientation";

    /**
     * A cache derived from the main one: its train split is the main train records
     * {@code trainRecords}, in that order; its valid and test splits are copies of the main ones.
     */
    public record Subset(String name, String description, int[] trainRecords) {}

    private final DatasetKind kind;
    private final String name;
    private final Map<Split, ImageDataset> splits;
    private final List<Subset> subsets;
    private final Shapes3dFile file;           // the open 3dshapes file, null for photo datasets

    private LatentCacheSource(DatasetKind kind, String name, Map<Split, ImageDataset> splits, List<Subset> subsets,
                              Shapes3dFile file) {
        this.kind = kind;
        this.name = name;
        this.splits = splits;
        this.subsets = subsets;
        this.file = file;
    }

    /** The dataset at {@code data} (any {@link DatasetKind}), its images preprocessed at side {@code side}. */
    public static LatentCacheSource open(Path data, int side) {
        return switch (DatasetKind.of(data)) {
            case SHAPES3D -> shapes3d(Shapes3dFile.open(DatasetKind.shapes3dFile(data)), side);
            case CELEBA -> photos(DatasetKind.CELEBA, "glow_celeba_" + side + "_latent_lmdb", Celeba.open(data)::split, side);
            case FAIRFACE -> photos(DatasetKind.FAIRFACE, FAIRFACE, FairFace.open(data)::split, side);
        };
    }

    private static LatentCacheSource photos(DatasetKind kind, String name, BiFunction<Split, Integer, ImageDataset> split, int side) {
        Map<Split, ImageDataset> splits = new EnumMap<>(Split.class);
        for (Split s : Split.values()) splits.put(s, split.apply(s, side));
        return new LatentCacheSource(kind, name, splits, List.of(), null);
    }

    private static LatentCacheSource shapes3d(Shapes3dFile file, int side) {
        try {
            if (file.imageSize() != side)
                throw new BadInput(file.path() + ": images are " + file.imageSize() + "x" + file.imageSize()
                        + ", the Glow model needs " + side + "x" + side);
            Map<Split, ImageDataset> splits = new EnumMap<>(Split.class);
            for (Split s : Split.values()) splits.put(s, Shapes3dDataset.split(file, s));
            // CorrelatedSubset keeps elements of the array it is given: given train positions
            // 0..n-1 (with each position's codes) it returns the kept records of the train split.
            int[] train = file.splitRows(Split.TRAIN);
            int[] positions = new int[train.length];
            int[][] codes = new int[train.length][];
            for (int i = 0; i < train.length; i++) {
                positions[i] = i;
                codes[i] = file.codes(train[i]);
            }
            Subset correlated = new Subset(SHAPES3D_CORRELATED, "correlated orientation subset (spec 2.4) of "
                    + SHAPES3D + " train", CorrelatedSubset.select(positions, codes));
            return new LatentCacheSource(DatasetKind.SHAPES3D, SHAPES3D, splits, List.of(correlated), file);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    public DatasetKind kind() { return kind; }

    /** The name of the cache folder the splits are encoded into. */
    public String name() { return name; }

    /** The images and labels of one split, in dataset order. */
    public ImageDataset split(Split split) { return splits.get(split); }

    /** Caches derived from the main one (the correlated-orientation cache of 3dshapes), none for photos. */
    public List<Subset> subsets() { return subsets; }

    @Override public void close() {
        if (file != null) file.close();
    }
}
