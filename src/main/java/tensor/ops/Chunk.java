package tensor.ops;

import tensor.Tensor;

/**
 * Splits x into {@code chunks} equal consecutive pieces along one axis (the axis length must be
 * divisible by the count); piece c is Slice(x, axis, c·n/chunks, (c+1)·n/chunks), so each piece
 * sends its gradient back into its own range of dx.
 */
public final class Chunk {
    private Chunk() {}

    public static Tensor[] apply(Tensor x, int chunks, int axis) {
        int n = x.dim(Axes.normalize("chunk", x.shape(), axis));
        if (chunks < 1 || n % chunks != 0)
            throw new IllegalArgumentException("chunk: " + chunks + " chunks do not divide axis " + axis + " of length " + n + " in shape " + x.shape());
        int len = n / chunks;
        Tensor[] pieces = new Tensor[chunks];
        for (int c = 0; c < chunks; c++) pieces[c] = Slice.apply(x, axis, c * len, (c + 1) * len);
        return pieces;
    }
}
