package tensor.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import tensor.Shape;
import tensor.Tensor;

/**
 * One tensor read from a PyTorch {@code .pt} file: its dtype, its shape and its values, held
 * contiguous in row-major order (views are materialised when read, see {@link PtStorage}).
 * Float32 parameters become {@link Tensor}s with {@link #toTensor()}; integer and bool buffers
 * (ActNorm's {@code initialized}, step counters) are read exactly with {@link #longs()}.
 */
public final class PtTensor {
    /** The storage types torch.save writes, by the name of their pickled class ({@code torch.FloatStorage}). */
    public enum Dtype {
        FLOAT32("FloatStorage", 4, true),
        FLOAT64("DoubleStorage", 8, true),
        FLOAT16("HalfStorage", 2, true),
        INT64("LongStorage", 8, false),
        INT32("IntStorage", 4, false),
        UINT8("ByteStorage", 1, false),
        BOOL("BoolStorage", 1, false);

        final String storageClass;
        final int itemSize;                          // bytes per element
        private final boolean floatingPoint;

        Dtype(String storageClass, int itemSize, boolean floatingPoint) {
            this.storageClass = storageClass;
            this.itemSize = itemSize;
            this.floatingPoint = floatingPoint;
        }

        public boolean isFloatingPoint() { return floatingPoint; }

        /** PyTorch's name for the dtype: "float32", "int64", "bool", ... */
        @Override public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }

        /** The dtype of {@code torch.<storageClass>}, or null when it is not one we read. */
        static Dtype ofStorageClass(String storageClass) {
            for (Dtype d : values()) if (d.storageClass.equals(storageClass)) return d;
            return null;
        }
    }

    private final Dtype dtype;
    private final Shape shape;
    private final ByteBuffer values;                 // little-endian, row-major, shape.size() elements

    PtTensor(Dtype dtype, Shape shape, byte[] littleEndianValues) {
        if (littleEndianValues.length != shape.size() * dtype.itemSize)
            throw new IllegalArgumentException(littleEndianValues.length + " bytes do not hold " + dtype + " values of shape " + shape);
        this.dtype = dtype;
        this.shape = shape;
        this.values = ByteBuffer.wrap(littleEndianValues).order(ByteOrder.LITTLE_ENDIAN);
    }

    public Dtype dtype() { return dtype; }

    public Shape shape() { return shape; }

    /**
     * The values as a new float32 tensor (a leaf without gradient). float64 and float16 are rounded
     * to the nearest float32; integers convert exactly up to 2^24; bool becomes 0 or 1.
     */
    public Tensor toTensor() {
        int n = shape.size();
        float[] out = new float[n];
        switch (dtype) {
            case FLOAT32 -> values.asFloatBuffer().get(0, out);
            case FLOAT64 -> { for (int i = 0; i < n; i++) out[i] = (float) values.getDouble(8 * i); }
            case FLOAT16 -> { for (int i = 0; i < n; i++) out[i] = halfToFloat(values.getShort(2 * i)); }
            default -> {
                long[] exact = longs();
                for (int i = 0; i < n; i++) out[i] = exact[i];
            }
        }
        return Tensor.of(shape, out);
    }

    /** The exact values of an integer or bool tensor (bool as 0 or 1), in a new array. */
    public long[] longs() {
        int n = shape.size();
        long[] out = new long[n];
        switch (dtype) {
            case INT64 -> values.asLongBuffer().get(0, out);
            case INT32 -> { for (int i = 0; i < n; i++) out[i] = values.getInt(4 * i); }
            case UINT8, BOOL -> { for (int i = 0; i < n; i++) out[i] = values.get(i) & 0xff; }
            default -> throw new IllegalStateException("a " + dtype + " tensor has no exact integer values; use toTensor()");
        }
        return out;
    }

    /** IEEE binary16 to binary32, exact (every half value is a float value), incl. subnormals, ±0, inf, NaN. */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        if (exponent == 0) {                         // zero or subnormal: mantissa · 2^-24
            float magnitude = mantissa * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 127 - 15) << 23) | (mantissa << 13));
    }

    @Override public String toString() { return "PtTensor(" + dtype + ", " + shape + ")"; }
}
