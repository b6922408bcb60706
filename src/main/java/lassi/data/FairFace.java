package lassi.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lassi.BadInput;
import tensor.random.Rng;

/**
 * A FairFace folder (spec §2.3), "padding = 0.25" release: {@code fairface_label_train.csv} and
 * {@code fairface_label_val.csv} with columns {@code file,age,gender,race,service_test}, and the
 * 224×224 photos at the paths in the {@code file} column. Label vector = (age index, race index).
 * Test = the official val CSV; the train CSV is split into train and valid by
 * {@code custom_train_split.txt} / {@code custom_valid_split.txt} (1-based row ids, one per line)
 * when both exist, else by a shuffled 80/20 split with seed 42.
 */
public final class FairFace {
    /** Age bins, index = label. */
    public static final List<String> AGES = List.of("0-2", "3-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69",
            "more than 70");
    /** Races with spaces replaced by '_', index = label. */
    public static final List<String> RACES = List.of("Black", "East_Asian", "Indian", "Latino_Hispanic", "Middle_Eastern",
            "Southeast_Asian", "White");
    public static final int SIDE = 224;
    public static final String TRAIN_CSV = "fairface_label_train.csv", VAL_CSV = "fairface_label_val.csv";
    static final List<String> COLUMNS = List.of("file", "age", "gender", "race", "service_test");
    /** Seed of the fallback train/valid split (spec §2.3). */
    public static final long SPLIT_SEED = 42;

    /** The rows of one CSV: photo paths and (age, race) labels. */
    private record Table(List<Path> files, long[][] labels) {}

    private final Path root;
    private final Table train, val;
    private final int[] trainRows, validRows;      // 0-based rows of the train CSV
    private final boolean customSplit;

    private FairFace(Path root, Table train, Table val, int[] trainRows, int[] validRows, boolean customSplit) {
        this.root = root;
        this.train = train;
        this.val = val;
        this.trainRows = trainRows;
        this.validRows = validRows;
        this.customSplit = customSplit;
    }

    /** Reads and validates the CSVs and split files of the folder {@code root}. */
    public static FairFace open(Path root) {
        Table train = readCsv(root, root.resolve(TRAIN_CSV)), val = readCsv(root, root.resolve(VAL_CSV));
        Path customTrain = root.resolve("custom_train_split.txt"), customValid = root.resolve("custom_valid_split.txt");
        boolean hasTrain = Files.exists(customTrain), hasValid = Files.exists(customValid);
        if (hasTrain != hasValid)
            throw new BadInput((hasTrain ? customValid : customTrain) + ": file not found (custom splits need both "
                    + customTrain.getFileName() + " and " + customValid.getFileName() + ")");
        int n = train.files().size();
        if (hasTrain) return new FairFace(root, train, val, readIds(customTrain, n), readIds(customValid, n), true);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        new Rng(SPLIT_SEED).shuffle(rows);
        int nTrain = (int) (n * 8L / 10);
        int[] t = Arrays.copyOfRange(rows, 0, nTrain), v = Arrays.copyOfRange(rows, nTrain, n);
        Arrays.sort(t);
        Arrays.sort(v);
        return new FairFace(root, train, val, t, v, false);
    }

    /** Whether train/valid come from the custom split files (else the seeded 80/20 split). */
    public boolean customSplit() { return customSplit; }

    /** One split preprocessed at side {@code size}: train/valid from the train CSV, test = the val CSV. */
    public ImageDataset split(Split split, int size) {
        Table table = split == Split.TEST ? val : train;
        int[] rows = rows(split);
        List<Path> files = new ArrayList<>();
        for (int r : rows) files.add(table.files().get(r));
        return new PhotoDataset("FairFace padding 0.25", files, labels(split), 2, SIDE, SIDE, size);
    }

    /** The (age, race) labels of one split, [n, 2]. */
    public long[][] labels(Split split) {
        Table table = split == Split.TEST ? val : train;
        int[] rows = rows(split);
        long[][] labels = new long[rows.length][];
        for (int i = 0; i < rows.length; i++) labels[i] = table.labels()[rows[i]].clone();
        return labels;
    }

    private int[] rows(Split split) {
        return switch (split) {
            case TRAIN -> trainRows;
            case VALID -> validRows;
            case TEST -> allRows(val.files().size());
        };
    }

    /** Checks that every photo of both CSVs exists and is 224×224 (reads headers only). */
    public void checkImages(Progress progress) {
        List<Path> all = new ArrayList<>(train.files());
        all.addAll(val.files());
        for (int i = 0; i < all.size(); i++) {
            Photos.checkHeader(all.get(i), SIDE, SIDE, "FairFace padding 0.25");
            progress.report(i + 1, all.size());
        }
    }

    public Path root() { return root; }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        return rows;
    }

    private static Table readCsv(Path root, Path csv) {
        List<String> lines = TextFiles.lines(csv, "a FairFace label CSV with columns " + String.join(",", COLUMNS));
        if (lines.isEmpty() || !Arrays.asList(lines.get(0).trim().split(",", -1)).equals(COLUMNS))
            throw new BadInput(csv + ":1: expected the header " + String.join(",", COLUMNS));
        List<Path> files = new ArrayList<>();
        List<long[]> labels = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String[] c = lines.get(i).trim().split(",", -1);
            if (c.length != COLUMNS.size())
                throw new BadInput(csv + ":" + (i + 1) + ": expected " + COLUMNS.size() + " columns (" + String.join(",", COLUMNS)
                        + "), got " + c.length);
            int age = AGES.indexOf(c[1]), race = RACES.indexOf(c[3].replace(' ', '_'));
            if (age < 0) throw new BadInput(csv + ":" + (i + 1) + ": age '" + c[1] + "', expected one of " + AGES);
            if (race < 0) throw new BadInput(csv + ":" + (i + 1) + ": race '" + c[3] + "', expected one of " + RACES);
            files.add(root.resolve(c[0]));
            labels.add(new long[] {age, race});
        }
        return new Table(files, labels.toArray(new long[0][]));
    }

    /** 1-based row ids, one per line, into a CSV of n rows; returned 0-based. */
    private static int[] readIds(Path file, int n) {
        List<String> lines = TextFiles.lines(file, "1-based row ids of " + TRAIN_CSV + ", one per line");
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            int id = TextFiles.parseInt(file, i + 1, lines.get(i), "a 1-based row id");
            if (id < 1 || id > n) throw new BadInput(file + ":" + (i + 1) + ": row id " + id + ", expected 1.." + n);
            ids.add(id - 1);
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
