package tensor.ops;

import java.util.Arrays;
import tensor.Shape;

/**
 * Axis bookkeeping shared by the reductions and the copy ops. Around one axis a row-major tensor
 * is a stack [outer, n, inner]: element (o, k, i) sits at flat index (o·n + k)·inner + i, where
 * outer is the product of the dimensions before the axis and inner of those after it.
 */
final class Axes {
    private Axes() {}

    /** A tensor of some shape viewed as [outer, n, inner] around one axis. */
    record Split(int outer, int n, int inner) {
        int at(int o, int k, int i) { return (o * n + k) * inner + i; }
    }

    /** The [outer, n, inner] view of {@code shape} around {@code axis} (negative counts from the end). */
    static Split split(String op, Shape shape, int axis) {
        int a = normalize(op, shape, axis);
        return new Split(shape.sizeOf(0, a), shape.dim(a), shape.sizeOf(a + 1, shape.rank()));
    }

    /** {@code axis} in [0, rank), or an error naming the op, the axis and the shape. */
    static int normalize(String op, Shape shape, int axis) {
        int a = axis < 0 ? axis + shape.rank() : axis;
        if (a < 0 || a >= shape.rank())
            throw new IllegalArgumentException(op + ": axis " + axis + " out of range for shape " + shape);
        return a;
    }

    /** Which axes are reduced: the given ones (distinct, negatives allowed), or all when none are given. */
    static boolean[] reduced(String op, Shape shape, int... axes) {
        boolean[] r = new boolean[shape.rank()];
        if (axes.length == 0) Arrays.fill(r, true);
        for (int axis : axes) {
            int a = normalize(op, shape, axis);
            if (r[a]) throw new IllegalArgumentException(op + ": axis " + axis + " given twice in " + Arrays.toString(axes) + " for shape " + shape);
            r[a] = true;
        }
        return r;
    }

    /** {@code shape} after reducing the marked axes: kept as 1 when keepDims, else dropped. */
    static Shape reduce(Shape shape, boolean[] reduced, boolean keepDims) {
        int[] dims = shape.dims();
        int[] out = new int[dims.length];
        int r = 0;
        for (int d = 0; d < dims.length; d++) {
            if (!reduced[d]) out[r++] = dims[d];
            else if (keepDims) out[r++] = 1;
        }
        return Shape.of(Arrays.copyOf(out, r));
    }

    /** {@code shape} after reducing one axis. */
    static Shape reduce(String op, Shape shape, int axis, boolean keepDims) {
        boolean[] r = new boolean[shape.rank()];
        r[normalize(op, shape, axis)] = true;
        return reduce(shape, r, keepDims);
    }

    /**
     * dst[o, dstFrom + k, i] = src[o, srcFrom + k, i] for k in [0, len): the slab copy behind
     * Slice, Concat and Chunk. Both views share outer and inner; only the axis length differs.
     */
    static void copyRange(float[] src, Split s, int srcFrom, float[] dst, Split d, int dstFrom, int len) {
        int run = len * s.inner();
        for (int o = 0; o < s.outer(); o++) System.arraycopy(src, s.at(o, srcFrom, 0), dst, d.at(o, dstFrom, 0), run);
    }

    /** dst[o, dstFrom + k, i] += src[o, srcFrom + k, i] for k in [0, len): the gradient of a slab copy. */
    static void addRange(float[] src, Split s, int srcFrom, float[] dst, Split d, int dstFrom, int len) {
        int run = len * s.inner();
        for (int o = 0; o < s.outer(); o++) {
            int from = s.at(o, srcFrom, 0), to = d.at(o, dstFrom, 0);
            for (int t = 0; t < run; t++) dst[to + t] += src[from + t];
        }
    }
}
