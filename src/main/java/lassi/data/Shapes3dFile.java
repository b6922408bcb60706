package lassi.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import lassi.BadInput;

/**
 * A 3dshapes HDF5 file (spec §2.4): {@code images} uint8 [N, S, S, 3] (RGB, HWC) and
 * {@code labels} float64 [N, 6]. Reads the real 480,000×64×64×3 file or a generated Shapes3D-lite
 * one, contiguous or chunked, in row slices. The labels (N·6 doubles) are read once at open and
 * turned into factor codes (rank among the distinct values of each column).
 */
public final class Shapes3dFile implements AutoCloseable {
    /** Root attribute naming the generator of a Shapes3D-lite file (absent in the real file). */
    public static final String GENERATOR_ATTRIBUTE = "generator";

    private final Path path;
    private final HdfFile hdf;
    private final FileChannel channel;
    private final Hdf5Rows images;
    private final int size;                // S
    private final double[][] labels;       // [N, 6] raw values
    private final int[][] codes;           // [N, 6] factor codes

    private Shapes3dFile(Path path, HdfFile hdf, FileChannel channel) {
        this.path = path;
        this.hdf = hdf;
        this.channel = channel;
        long fileSize = fileSize(path);
        Dataset imageSet = dataset("images"), labelSet = dataset("labels");
        int[] d = imageSet.getDimensions();
        if (d.length != 4 || d[1] != d[2] || d[3] != 3 || d[1] < 1)
            throw new BadInput(path + ": dataset 'images' has shape " + Arrays.toString(d) + ", expected [N, S, S, 3]");
        requireType(imageSet, FixedPoint.class, 1, "uint8");
        int[] l = labelSet.getDimensions();
        if (l.length != 2 || l[1] != Shapes3dGrid.FACTORS || l[0] != d[0])
            throw new BadInput(path + ": dataset 'labels' has shape " + Arrays.toString(l) + ", expected [" + d[0] + ", "
                    + Shapes3dGrid.FACTORS + "] (one row of " + Shapes3dGrid.FACTORS + " factors per image)");
        requireType(labelSet, FloatingPoint.class, 8, "float64");
        this.size = d[1];
        this.images = Hdf5Rows.of(path, channel, fileSize, imageSet, 1);
        this.labels = readLabels(Hdf5Rows.of(path, channel, fileSize, labelSet, 8));
        this.codes = LabelCodes.of(labels, path);
    }

    /** Opens and validates a 3dshapes HDF5 file; throws {@link BadInput} naming the file if it is not one. */
    public static Shapes3dFile open(Path path) {
        if (!Files.isRegularFile(path)) throw new BadInput(path + ": file not found (expected a 3dshapes HDF5 file)");
        HdfFile hdf = null;
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            hdf = new HdfFile(path);
            return new Shapes3dFile(path, hdf, channel);
        } catch (BadInput e) {
            closeQuietly(hdf, channel);
            throw e;
        } catch (NoSuchFileException e) {
            throw new BadInput(path + ": file not found (expected a 3dshapes HDF5 file)");
        } catch (IOException | RuntimeException e) {                  // jHDF reports damage as runtime exceptions
            closeQuietly(hdf, channel);
            throw new BadInput(path + ": not a readable HDF5 file, or a truncated one (" + e.getMessage() + ")", e);
        }
    }

    public Path path() { return path; }

    /** Number of images N. */
    public int count() { return labels.length; }

    /** The image side S. */
    public int imageSize() { return size; }

    /** Bytes per image, S·S·3. */
    public int imageBytes() { return size * size * 3; }

    /** Storage layout of the images, e.g. "contiguous". */
    public String imageLayout() { return images.layout(); }

    /** The raw label row of {@code row} (a copy). */
    public double[] labels(int row) { return labels[row].clone(); }

    /** The six factor codes of {@code row} (a copy). */
    public int[] codes(int row) { return codes[row].clone(); }

    /** The generator named in the file's root attributes (Shapes3D-lite), empty for the real file. */
    public Optional<String> generator() { return attribute(GENERATOR_ATTRIBUTE); }

    /** A root attribute as text, if present. */
    public Optional<String> attribute(String name) {
        Attribute a = hdf.getAttribute(name);
        if (a == null) return Optional.empty();
        Object v = a.getData();
        return Optional.of(v.getClass().isArray() ? arrayToString(v) : String.valueOf(v));
    }

    /** Copies the images of rows [from, to) into {@code out[offset ..]} (HWC bytes, S·S·3 per row). */
    public void readImages(int from, int to, byte[] out, int offset) {
        images.read(from, to, out, offset);
    }

    /** The HWC bytes of the images of rows [from, to). */
    public byte[] readImages(int from, int to) {
        byte[] out = new byte[(to - from) * imageBytes()];
        images.read(from, to, out, 0);
        return out;
    }

    /** The rows listed in the split file {@code custom_<split>_split.npy} next to this file. */
    public int[] splitRows(Split split) {
        return SplitFiles.read(SplitFiles.path(path.toAbsolutePath().getParent(), split), count());
    }

    @Override public void close() {
        closeQuietly(hdf, channel);
    }

    private Dataset dataset(String name) {
        Node node = hdf.getChildren().get(name);
        if (!(node instanceof Dataset ds))
            throw new BadInput(path + ": no dataset '" + name + "' (expected a 3dshapes file with images uint8 [N, S, S, 3]"
                    + " and labels float64 [N, 6])");
        return ds;
    }

    private void requireType(Dataset ds, Class<? extends DataType> kind, int bytes, String expected) {
        DataType t = ds.getDataType();
        boolean littleEndian = t instanceof FixedPoint fp ? fp.getByteOrder() == ByteOrder.LITTLE_ENDIAN || bytes == 1
                : t instanceof FloatingPoint fl && fl.getByteOrder() == ByteOrder.LITTLE_ENDIAN;
        if (!kind.isInstance(t) || t.getSize() != bytes || !littleEndian)
            throw new BadInput(path + ": dataset '" + ds.getName() + "' has type " + t.getClass().getSimpleName() + " of "
                    + t.getSize() + " bytes, expected little-endian " + expected);
    }

    private static double[][] readLabels(Hdf5Rows rows) {
        int n = rows.rows(), k = rows.dims[1];
        byte[] raw = new byte[Math.toIntExact(rows.rowBytes * n)];
        rows.read(0, n, raw, 0);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double[][] labels = new double[n][k];
        for (double[] row : labels)
            for (int c = 0; c < k; c++) row[c] = b.getDouble();
        return labels;
    }

    private static long fileSize(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new BadInput(path + ": cannot read file size (" + e.getMessage() + ")", e);
        }
    }

    private static String arrayToString(Object array) {
        if (array instanceof int[] a) return a.length == 1 ? String.valueOf(a[0]) : Arrays.toString(a);
        if (array instanceof long[] a) return a.length == 1 ? String.valueOf(a[0]) : Arrays.toString(a);
        if (array instanceof double[] a) return a.length == 1 ? String.valueOf(a[0]) : Arrays.toString(a);
        if (array instanceof Object[] a) return a.length == 1 ? String.valueOf(a[0]) : Arrays.toString(a);
        return String.valueOf(array);
    }

    private static void closeQuietly(HdfFile hdf, FileChannel channel) {
        if (hdf != null) hdf.close();
        try {
            if (channel != null) channel.close();
        } catch (IOException ignored) {
            // read-only channel: nothing was written that a failed close could lose
        }
    }
}
