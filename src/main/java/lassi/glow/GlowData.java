package lassi.glow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import lassi.BadInput;
import tensor.Tensor;
import tensor.io.NpyArray;
import tensor.io.Npy;
import tensor.random.Rng;

/**
 * The images the glow commands read: a .npy uint8 array [N, S, S, 3] (HWC, as 3dshapes stores
 * them), preprocessed to [N, 3, S, S] on the 5-bit grid (§2.1; no resize, the side must be the
 * model's).
 */
public final class GlowData {
    /** Validation share of a file that has no split of its own. */
    public static final double VALID_FRACTION = 0.1;
    private static final long SPLIT_KEY = 3L << 40;

    /** Training and validation images, [N, 3, S, S] each. */
    public record Splits(Tensor train, Tensor valid) {}

    private GlowData() {}

    /** Every image of the file. */
    public static Tensor readAll(Path file, int side) throws IOException {
        if (!Files.exists(file)) throw new BadInput("--data " + file + ": no such file");
        if (!file.toString().endsWith(".npy"))
            throw new BadInput("--data " + file + ": expected a .npy uint8 array [N, S, S, 3]");
        NpyArray array = Npy.read(file);
        int[] shape = array.shape();
        if (array.dtype() != NpyArray.DType.UINT8 || shape.length != 4 || shape[3] != 3 || shape[1] != shape[2])
            throw new BadInput("--data " + file + ": expected a uint8 array [N, S, S, 3], got " + array.dtype().descr + " " + Arrays.toString(shape));
        if (shape[1] != side)
            throw new BadInput("--data " + file + ": images are " + shape[1] + "x" + shape[2] + ", the model needs " + side + "x" + side);
        return fromHwc(array.toBytes(), shape[0], side);
    }

    /**
     * Training and validation images: a seeded share of {@link #VALID_FRACTION} (at least one
     * image) is held out for validation, the rest is for training.
     */
    public static Splits readTrainValid(Path file, int side, long seed) throws IOException {
        Tensor all = readAll(file, side);
        int n = all.dim(0), nValid = Math.max(1, (int) Math.round(n * VALID_FRACTION));
        if (n - nValid < 2) throw new BadInput("--data " + file + ": " + n + " images are too few to train on");
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Rng.derive(seed, SPLIT_KEY).shuffle(order);
        return new Splits(Images.gather(all, order, 0, n - nValid), Images.gather(all, order, n - nValid, nValid));
    }

    /** [n, S, S, 3] bytes → [n, 3, S, S] on the 5-bit grid. */
    static Tensor fromHwc(byte[] hwc, int n, int side) {
        int plane = side * side;
        float[] x = new float[n * 3 * plane];
        for (int i = 0; i < n; i++)
            for (int p = 0; p < plane; p++)
                for (int c = 0; c < 3; c++) x[(i * 3 + c) * plane + p] = Quantization.quantize(hwc[(i * plane + p) * 3 + c] & 0xFF);
        return Tensor.of(x, n, 3, side, side);
    }
}
