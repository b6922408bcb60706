package lassi.data;

import java.util.Arrays;
import tensor.random.Rng;

/**
 * A Shapes3D-lite sample (spec §10.2): N distinct grid indices drawn uniformly (seeded), kept in
 * ascending grid order as the file's rows, and a seeded 80/10/10 train/valid/test partition of
 * those rows. Each split lists its rows in ascending order.
 *
 * @param gridIndices the grid index of each file row, ascending, [N]
 * @param train       row numbers of the train split, floor(0.8·N) of them
 * @param valid       row numbers of the valid split, floor(0.1·N) of them
 * @param test        row numbers of the test split, the remaining rows
 */
public record Shapes3dSample(int[] gridIndices, int[] train, int[] valid, int[] test) {
    /** Stream keys for {@link Rng#derive}: drawing the indices and shuffling the rows. */
    private static final long DRAW = 0, SPLIT = 1;

    /** Draws {@code count} distinct grid indices and splits them, all from {@code seed}. */
    public static Shapes3dSample draw(int count, long seed) {
        if (count < 1 || count > Shapes3dGrid.SIZE)
            throw new IllegalArgumentException("count must be in [1, " + Shapes3dGrid.SIZE + "], got " + count);
        int[] grid = new int[Shapes3dGrid.SIZE];
        for (int i = 0; i < grid.length; i++) grid[i] = i;
        Rng draw = Rng.derive(seed, DRAW);
        for (int i = 0; i < count; i++) {                  // partial Fisher–Yates: the first count are uniform
            int j = i + draw.nextInt(grid.length - i);
            int t = grid[i];
            grid[i] = grid[j];
            grid[j] = t;
        }
        int[] indices = Arrays.copyOf(grid, count);
        Arrays.sort(indices);

        int[] rows = new int[count];
        for (int i = 0; i < count; i++) rows[i] = i;
        Rng.derive(seed, SPLIT).shuffle(rows);
        int nTrain = (int) (count * 8L / 10), nValid = (int) (count / 10L);
        return new Shapes3dSample(indices, sorted(rows, 0, nTrain), sorted(rows, nTrain, nTrain + nValid),
                sorted(rows, nTrain + nValid, count));
    }

    /** Number of rows N. */
    public int count() { return gridIndices.length; }

    /** The rows of one split. */
    public int[] rows(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case VALID -> valid;
            case TEST -> test;
        };
    }

    private static int[] sorted(int[] a, int from, int to) {
        int[] part = Arrays.copyOfRange(a, from, to);
        Arrays.sort(part);
        return part;
    }
}
