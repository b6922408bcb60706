package tensor.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import tensor.Shape;
import tensor.Tensor;

/**
 * One numpy array as stored in a .npy file: its dtype, its C-order shape and its raw
 * little-endian data bytes. The {@code to*} methods decode the bytes into Java arrays.
 *
 * @param dtype element type
 * @param shape dimensions, C order; empty for a 0-d array (one element)
 * @param data  raw element bytes, little-endian, C order; length = size · dtype.itemSize
 */
public record NpyArray(DType dtype, int[] shape, byte[] data) {

    /** The dtypes this project reads; the first three are also the ones it writes. */
    public enum DType {
        FLOAT32("<f4", 4), FLOAT64("<f8", 8), INT64("<i8", 8), INT32("<i4", 4), UINT8("|u1", 1), BOOL("|b1", 1);

        /** The numpy 'descr' string, e.g. "<f4". */
        public final String descr;
        public final int itemSize;

        DType(String descr, int itemSize) {
            this.descr = descr;
            this.itemSize = itemSize;
        }

        /** The dtype with this descr, or null when the project does not support it. */
        static DType ofDescr(String descr) {
            for (DType t : values()) if (t.descr.equals(descr)) return t;
            return null;
        }
    }

    public NpyArray {
        shape = shape.clone();
        long n = elementCount(shape);
        if (n * dtype.itemSize != data.length)
            throw new IllegalArgumentException(data.length + " data bytes do not fit a " + dtype.descr + " array of shape " + Arrays.toString(shape));
    }

    /** Number of elements: the product of the shape (1 for a 0-d array). */
    public int size() {
        return data.length / dtype.itemSize;
    }

    @Override public int[] shape() {
        return shape.clone();
    }

    // ---- writing side: the three dtypes the project writes ----------------------------------

    public static NpyArray ofFloats(float[] values, int... shape) {
        ByteBuffer b = buffer(values.length * 4);
        b.asFloatBuffer().put(values);
        return new NpyArray(DType.FLOAT32, shape, b.array());
    }

    public static NpyArray ofDoubles(double[] values, int... shape) {
        ByteBuffer b = buffer(values.length * 8);
        b.asDoubleBuffer().put(values);
        return new NpyArray(DType.FLOAT64, shape, b.array());
    }

    public static NpyArray ofLongs(long[] values, int... shape) {
        ByteBuffer b = buffer(values.length * 8);
        b.asLongBuffer().put(values);
        return new NpyArray(DType.INT64, shape, b.array());
    }

    /** A float32 array holding a copy of the tensor's values and shape. */
    public static NpyArray of(Tensor t) {
        return ofFloats(t.data(), t.shape().dims());
    }

    // ---- reading side ------------------------------------------------------------------------

    /** The values as float32; float64 and the integer types are converted (float64 rounds). */
    public float[] toFloats() {
        ByteBuffer b = view();
        float[] out = new float[size()];
        switch (dtype) {
            case FLOAT32 -> b.asFloatBuffer().get(out);
            default -> {
                double[] d = toDoubles();
                for (int i = 0; i < out.length; i++) out[i] = (float) d[i];
            }
        }
        return out;
    }

    /** The values as float64; every supported dtype converts exactly except int64 beyond 2^53. */
    public double[] toDoubles() {
        ByteBuffer b = view();
        double[] out = new double[size()];
        switch (dtype) {
            case FLOAT32 -> { for (int i = 0; i < out.length; i++) out[i] = b.getFloat(); }
            case FLOAT64 -> b.asDoubleBuffer().get(out);
            default -> {
                long[] l = toLongs();
                for (int i = 0; i < out.length; i++) out[i] = l[i];
            }
        }
        return out;
    }

    /** The values as int64; only for integer and bool arrays (uint8 is read as 0..255). */
    public long[] toLongs() {
        ByteBuffer b = view();
        long[] out = new long[size()];
        switch (dtype) {
            case INT64 -> b.asLongBuffer().get(out);
            case INT32 -> { for (int i = 0; i < out.length; i++) out[i] = b.getInt(); }
            case UINT8, BOOL -> { for (int i = 0; i < out.length; i++) out[i] = b.get() & 0xFF; }
            default -> throw new IllegalStateException("a '" + dtype.descr + "' array cannot be read as integers");
        }
        return out;
    }

    /** The values as int32; only for integer and bool arrays whose values fit. */
    public int[] toInts() {
        long[] l = toLongs();
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            if (l[i] != (int) l[i]) throw new IllegalStateException("value " + l[i] + " at index " + i + " does not fit in int32");
            out[i] = (int) l[i];
        }
        return out;
    }

    /** The raw bytes of a uint8 or bool array (uint8 values above 127 come back negative: mask with 0xFF). */
    public byte[] toBytes() {
        if (dtype != DType.UINT8 && dtype != DType.BOOL)
            throw new IllegalStateException("a '" + dtype.descr + "' array cannot be read as bytes");
        return data.clone();
    }

    /** A float32 tensor with this array's shape and values (converted as by {@link #toFloats}). */
    public Tensor toTensor() {
        return Tensor.of(Shape.of(shape), toFloats());
    }

    @Override public String toString() {
        return "NpyArray(" + dtype.descr + ", shape " + Arrays.toString(shape) + ")";
    }

    private ByteBuffer view() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static long elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n *= d;
        }
        return n;
    }
}
