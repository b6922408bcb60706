package lassi.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lassi.BadInput;

/**
 * The 3dshapes split files {@code custom_{train,valid,test}_split.npy} (spec §2.4): 1-D integer
 * .npy arrays of row indices into the images file. Written as int64 ('<i8'); read from any
 * little-endian integer dtype numpy may have saved them with.
 *
 * <p>The .npy coding here is the minimal 1-D integer case of spec Appendix A (v1.0 header, padded
 * to a multiple of 64). TODO(coordinator): switch to tensor.io.Npy once it is on main.
 */
public final class SplitFiles {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<|])([iu])([1248])'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*False");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),?\\)");

    private SplitFiles() {}

    /** {@code dir/custom_<split>_split.npy}. */
    public static Path path(Path dir, Split split) {
        return dir.resolve("custom_" + split.stem() + "_split.npy");
    }

    /** Writes {@code rows} as a 1-D int64 .npy file. */
    public static void write(Path file, int[] rows) throws IOException {
        String header = "{'descr': '<i8', 'fortran_order': False, 'shape': (" + rows.length + ",), }";
        int unpadded = MAGIC.length + 4 + header.length() + 1;
        String padded = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + padded.length() + 8 * rows.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) padded.length());
        b.put(padded.getBytes(StandardCharsets.US_ASCII));
        for (int r : rows) b.putLong(r);
        Files.write(file, b.array());
    }

    /** Reads a split file and checks every index is a row of a file with {@code rowCount} rows. */
    public static int[] read(Path file, int rowCount) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInput(file + ": split file not found (expected a 1-D integer .npy array of row indices)");
        } catch (IOException e) {
            throw new BadInput(file + ": cannot read split file (" + e.getMessage() + ")", e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !ByteBuffer.wrap(bytes, 0, 6).equals(ByteBuffer.wrap(MAGIC)))
            throw new BadInput(file + ": not a .npy file (expected the \\x93NUMPY magic)");
        int major = bytes[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
        int dataStart = (major == 1 ? 10 : 12) + headerLength;
        if (dataStart > bytes.length) throw new BadInput(file + ": truncated .npy header");
        String header = new String(bytes, major == 1 ? 10 : 12, headerLength, StandardCharsets.US_ASCII);
        Matcher descr = DESCR.matcher(header), shape = SHAPE.matcher(header);
        if (!descr.find() || !FORTRAN.matcher(header).find() || !shape.find())
            throw new BadInput(file + ": expected a 1-D little-endian integer C-order .npy array, header is " + header.trim());
        int width = Integer.parseInt(descr.group(3));
        boolean signed = descr.group(2).equals("i");
        long n = Long.parseLong(shape.group(1));
        if (dataStart + n * width != bytes.length)
            throw new BadInput(file + ": expected " + n + " values of " + width + " bytes after the header, file has "
                    + (bytes.length - dataStart) + " data bytes");
        int[] rows = new int[(int) n];
        b.position(dataStart);
        for (int i = 0; i < n; i++) {
            long v = switch (width) {
                case 1 -> signed ? b.get() : Byte.toUnsignedLong(b.get());
                case 2 -> signed ? b.getShort() : Short.toUnsignedLong(b.getShort());
                case 4 -> signed ? b.getInt() : Integer.toUnsignedLong(b.getInt());
                default -> b.getLong();
            };
            if (v < 0 || v >= rowCount)
                throw new BadInput(file + ": index " + v + " at position " + i + " is not a row of the images (expected 0.."
                        + (rowCount - 1) + ")");
            rows[i] = (int) v;
        }
        return rows;
    }
}
