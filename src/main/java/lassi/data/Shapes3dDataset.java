package lassi.data;

import tensor.Shape;
import tensor.Tensor;

/**
 * One split of a 3dshapes file as an {@link ImageDataset}: item i is file row {@code rows[i]}, its
 * label vector the six factor codes (spec §2.4). The file stays owned (and closed) by the caller.
 */
public final class Shapes3dDataset implements ImageDataset {
    private final Shapes3dFile file;
    private final int[] rows;                  // file rows of the items

    public Shapes3dDataset(Shapes3dFile file, int[] rows) {
        for (int r : rows)
            if (r < 0 || r >= file.count())
                throw new IllegalArgumentException("row " + r + " is not in " + file.path() + " (" + file.count() + " rows)");
        this.file = file;
        this.rows = rows.clone();
    }

    /** The split listed in {@code custom_<split>_split.npy} next to the file. */
    public static Shapes3dDataset split(Shapes3dFile file, Split split) {
        return new Shapes3dDataset(file, file.splitRows(split));
    }

    /** The correlated-orientation subset of the train split (spec §2.4). */
    public static Shapes3dDataset correlatedTrain(Shapes3dFile file) {
        int[] train = file.splitRows(Split.TRAIN);
        int[][] codes = new int[file.count()][];
        for (int r : train) codes[r] = file.codes(r);
        return new Shapes3dDataset(file, CorrelatedSubset.select(train, codes));
    }

    /** The file row of item i. */
    public int row(int i) { return rows[i]; }

    @Override public int size() { return rows.length; }

    @Override public int imageSize() { return file.imageSize(); }

    @Override public int labelLength() { return Shapes3dGrid.FACTORS; }

    @Override public Tensor batch(int[] indices) {
        int s = file.imageSize(), imageBytes = file.imageBytes();
        float[] out = new float[indices.length * 3 * s * s];
        byte[] hwc = new byte[imageBytes];
        for (int b = 0; b < indices.length; b++) {
            int row = rows[indices[b]];
            file.readImages(row, row + 1, hwc, 0);
            Preprocess.fromHwcBytes(hwc, 0, s, out, b * 3 * s * s);
        }
        return Tensor.of(Shape.of(indices.length, 3, s, s), out);
    }

    @Override public long[] labels(int i) {
        int[] codes = file.codes(rows[i]);
        long[] y = new long[codes.length];
        for (int c = 0; c < codes.length; c++) y[c] = codes[c];
        return y;
    }
}
