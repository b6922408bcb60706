package lassi.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import lassi.BadInput;
import tensor.io.Npy;
import tensor.io.NpyArray;

/**
 * The 3dshapes split files {@code custom_{train,valid,test}_split.npy} (spec §2.4): 1-D integer
 * .npy arrays of row indices into the images file. Written as int64; read from any integer dtype
 * numpy may have saved them with.
 */
public final class SplitFiles {
    private SplitFiles() {}

    /** {@code dir/custom_<split>_split.npy}. */
    public static Path path(Path dir, Split split) {
        return dir.resolve("custom_" + split.stem() + "_split.npy");
    }

    /** Writes {@code rows} as a 1-D int64 .npy file (not atomically: callers write to a temporary). */
    public static void write(Path file, int[] rows) throws IOException {
        long[] values = Arrays.stream(rows).asLongStream().toArray();
        Files.write(file, Npy.toBytes(NpyArray.ofLongs(values, rows.length)));
    }

    /** Reads a split file and checks every index is a row of a file with {@code rowCount} rows. */
    public static int[] read(Path file, int rowCount) {
        if (!Files.isRegularFile(file))
            throw new BadInput(file + ": split file not found (expected a 1-D integer .npy array of row indices)");
        NpyArray array;
        try {
            array = Npy.read(file);
        } catch (IOException e) {
            throw new BadInput(e.getMessage(), e);                  // Npy's messages start with the file name
        }
        NpyArray.DType t = array.dtype();
        if (array.shape().length != 1 || !(t == NpyArray.DType.INT64 || t == NpyArray.DType.INT32 || t == NpyArray.DType.UINT8))
            throw new BadInput(file + ": expected a 1-D integer array of row indices, got " + t.descr + " of shape "
                    + Arrays.toString(array.shape()));
        long[] values = array.toLongs();
        int[] rows = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= rowCount)
                throw new BadInput(file + ": index " + values[i] + " at position " + i + " is not a row of the images (expected 0.."
                        + (rowCount - 1) + ")");
            rows[i] = (int) values[i];
        }
        return rows;
    }
}
