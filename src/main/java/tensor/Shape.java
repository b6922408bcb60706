package tensor;

import java.util.Arrays;

/**
 * The dimensions of a row-major, contiguous tensor. Immutable. For [N, C, H, W] the flat index is
 * ((n·C + c)·H + h)·W + w. A scalar has rank 0 and size 1.
 */
public final class Shape {
    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        long n = 1;
        for (int d : dims) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(dims));
            n *= d;
        }
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has more than 2^31-1 elements");
        this.dims = dims;
        this.size = (int) n;
    }

    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    public static Shape scalar() {
        return new Shape(new int[0]);
    }

    public int rank() { return dims.length; }

    /** Dimension {@code axis}; negative axes count from the end (-1 = last). */
    public int dim(int axis) { return dims[axis(axis)]; }

    public int size() { return size; }

    public int[] dims() { return dims.clone(); }

    /** Normalises a possibly negative axis into [0, rank); names the shape when out of range. */
    public int axis(int axis) {
        int a = axis < 0 ? axis + dims.length : axis;
        if (a < 0 || a >= dims.length) throw new IllegalArgumentException("axis " + axis + " out of range for shape " + this);
        return a;
    }

    /** Row-major strides in elements. */
    public int[] strides() {
        int[] s = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    /** Product of the dimensions in [from, to). */
    public int sizeOf(int from, int to) {
        int n = 1;
        for (int i = from; i < to; i++) n *= dims[i];
        return n;
    }

    /** The same shape with dimension {@code axis} replaced. */
    public Shape with(int axis, int value) {
        int[] d = dims.clone();
        d[axis(axis)] = value;
        return new Shape(d);
    }

    /**
     * NumPy broadcasting: align trailing dimensions; each pair must be equal or contain a 1.
     * Throws naming both shapes when they do not broadcast.
     */
    public static Shape broadcast(Shape a, Shape b) {
        int r = Math.max(a.rank(), b.rank());
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.rank() ? 1 : a.dims[i - (r - a.rank())];
            int db = i < r - b.rank() ? 1 : b.dims[i - (r - b.rank())];
            if (da != db && da != 1 && db != 1)
                throw new IllegalArgumentException("shapes " + a + " and " + b + " do not broadcast");
            out[i] = da == 1 ? db : da;
        }
        return new Shape(out);
    }

    /** Throws naming both shapes unless they are equal. */
    public void requireEqual(Shape other, String what) {
        if (!equals(other)) throw new IllegalArgumentException(what + ": shape " + this + " does not match " + other);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override public int hashCode() { return Arrays.hashCode(dims); }

    @Override public String toString() { return Arrays.toString(dims); }
}
