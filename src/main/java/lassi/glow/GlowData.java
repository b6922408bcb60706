package lassi.glow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import lassi.BadInput;
import lassi.data.Preprocess;
import lassi.data.Shapes3dFile;
import lassi.data.Split;
import tensor.Tensor;
import tensor.io.Npy;
import tensor.io.NpyArray;
import tensor.random.Rng;

/**
 * The images the glow commands read, preprocessed to [N, 3, S, S] on the 5-bit grid (§2.1; no
 * resize, so the side must be the model's):
 * <ul>
 * <li>a 3dshapes-layout HDF5 file ({@code .h5}/{@code .hdf5}: images uint8 [N, S, S, 3], with
 *     the split files custom_{train,valid,test}_split.npy beside it, as lassi data shapes3d writes);
 * <li>a {@code .npy} uint8 array [N, S, S, 3] (no splits: a seeded 10% is held out for validation).
 * </ul>
 */
public final class GlowData {
    /** Validation share of a .npy file, which has no split of its own. */
    public static final double VALID_FRACTION = 0.1;
    private static final long SPLIT_KEY = 3L << 40;

    /** Training and validation images, [N, 3, S, S] each. */
    public record Splits(Tensor train, Tensor valid) {}

    private GlowData() {}

    /** Training and validation images: the HDF5 file's own splits, or a seeded holdout of a .npy file. */
    public static Splits readTrainValid(Path file, int side, long seed) throws IOException {
        if (isHdf5(file)) return new Splits(readSplit(file, side, Split.TRAIN), readSplit(file, side, Split.VALID));
        Tensor all = readAll(file, side);
        int n = all.dim(0), nValid = Math.max(1, (int) Math.round(n * VALID_FRACTION));
        if (n - nValid < 2) throw new BadInput("--data " + file + ": " + n + " images are too few to train on");
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Rng.derive(seed, SPLIT_KEY).shuffle(order);
        return new Splits(Images.gather(all, order, 0, n - nValid), Images.gather(all, order, n - nValid, nValid));
    }

    /** Every image of the file. */
    public static Tensor readAll(Path file, int side) throws IOException {
        if (!Files.isRegularFile(file)) throw new BadInput("--data " + file + ": no such file");
        if (isHdf5(file)) {
            try (Shapes3dFile h5 = Shapes3dFile.open(file)) {
                requireSide(file, h5.imageSize(), side);
                return fromHwc(h5.readImages(0, h5.count()), h5.count(), side);
            }
        }
        if (!file.toString().endsWith(".npy"))
            throw new BadInput("--data " + file + ": expected a 3dshapes HDF5 file (.h5) or a .npy uint8 array [N, S, S, 3]");
        NpyArray array = Npy.read(file);
        int[] shape = array.shape();
        if (array.dtype() != NpyArray.DType.UINT8 || shape.length != 4 || shape[3] != 3 || shape[1] != shape[2])
            throw new BadInput("--data " + file + ": expected a uint8 array [N, S, S, 3], got " + array.dtype().descr + " " + Arrays.toString(shape));
        requireSide(file, shape[1], side);
        return fromHwc(array.toBytes(), shape[0], side);
    }

    /** The images of one split of a 3dshapes HDF5 file, in the order of its split file. */
    public static Tensor readSplit(Path file, int side, Split split) {
        if (!isHdf5(file)) throw new BadInput("--data " + file + ": only a 3dshapes HDF5 file (.h5) has splits");
        if (!Files.isRegularFile(file)) throw new BadInput("--data " + file + ": no such file");
        try (Shapes3dFile h5 = Shapes3dFile.open(file)) {
            requireSide(file, h5.imageSize(), side);
            int[] rows = h5.splitRows(split);
            byte[] hwc = new byte[rows.length * h5.imageBytes()];
            for (int i = 0; i < rows.length; i++) h5.readImages(rows[i], rows[i] + 1, hwc, i * h5.imageBytes());
            return fromHwc(hwc, rows.length, side);
        }
    }

    private static boolean isHdf5(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".h5") || name.endsWith(".hdf5");
    }

    private static void requireSide(Path file, int actual, int side) {
        if (actual != side)
            throw new BadInput("--data " + file + ": images are " + actual + "x" + actual + ", the model needs " + side + "x" + side);
    }

    /** [n, S, S, 3] bytes → [n, 3, S, S] on the 5-bit grid. */
    private static Tensor fromHwc(byte[] hwc, int n, int side) {
        int per = 3 * side * side;
        float[] x = new float[n * per];
        for (int i = 0; i < n; i++) Preprocess.fromHwcBytes(hwc, i * per, side, x, i * per);
        return Tensor.of(x, n, 3, side, side);
    }
}
