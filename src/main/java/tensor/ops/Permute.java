package tensor.ops;

import java.util.Arrays;
import tensor.Shape;
import tensor.Tensor;

/**
 * Reorders the axes: y has dims[order[0]], dims[order[1]], ... and
 * y[i_0, ..., i_{r−1}] = x[j] with j_{order[d]} = i_d. The data is copied into the new row-major
 * layout; backward scatters the gradient back through the same index map: dx[src[t]] += dy[t].
 */
public final class Permute {
    private Permute() {}

    public static Tensor apply(Tensor x, int... order) {
        int rank = x.rank();
        int[] dims = x.shape().dims(), strides = x.shape().strides();
        order = checkPermutation(x.shape(), order);
        int[] outDims = new int[rank], srcStride = new int[rank];   // x's stride along each output axis
        for (int d = 0; d < rank; d++) {
            outDims[d] = dims[order[d]];
            srcStride[d] = strides[order[d]];
        }
        int[] src = new int[x.size()];                              // src[t]: x's flat index of output t
        int[] coord = new int[rank];
        for (int t = 0, s = 0; t < src.length; t++) {
            src[t] = s;
            for (int d = rank - 1; d >= 0; d--) {                   // odometer over the output coordinates
                coord[d]++;
                s += srcStride[d];
                if (coord[d] < outDims[d]) break;
                s -= coord[d] * srcStride[d];
                coord[d] = 0;
            }
        }
        float[] xs = x.data(), y = new float[src.length];
        for (int t = 0; t < y.length; t++) y[t] = xs[src[t]];
        return Tensor.result(Shape.of(outDims), y, out -> {
            if (!x.requiresGrad()) return;
            float[] dX = x.grad(), dY = out.grad();
            for (int t = 0; t < dY.length; t++) dX[src[t]] += dY[t];
        }, x);
    }

    /** {@code order} with negative axes counted from the end, checked to name every axis once. */
    private static int[] checkPermutation(Shape shape, int[] order) {
        int rank = shape.rank();
        int[] p = new int[order.length];
        boolean[] seen = new boolean[rank];
        boolean ok = order.length == rank;
        for (int i = 0; ok && i < order.length; i++) {
            p[i] = order[i] < 0 ? order[i] + rank : order[i];
            ok = p[i] >= 0 && p[i] < rank && !seen[p[i]];
            if (ok) seen[p[i]] = true;
        }
        if (!ok) throw new IllegalArgumentException("permute: " + Arrays.toString(order) + " is not a permutation of the axes of shape " + shape);
        return p;
    }
}
