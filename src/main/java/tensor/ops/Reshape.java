package tensor.ops;

import java.util.Arrays;
import tensor.Shape;
import tensor.Tensor;

/**
 * The same elements in the same row-major order under new dimensions; one dimension may be −1
 * and is then inferred. The data is copied (tensors are contiguous and own their data), and the
 * gradient flows back element for element: dx[i] += dy[i].
 */
public final class Reshape {
    private Reshape() {}

    public static Tensor apply(Tensor x, int... dims) {
        Shape shape = Shape.of(resolve(x.shape(), dims));
        return Tensor.result(shape, x.data().clone(), out -> {
            if (!x.requiresGrad()) return;
            float[] dX = x.grad(), dY = out.grad();
            for (int i = 0; i < dX.length; i++) dX[i] += dY[i];
        }, x);
    }

    /** {@code dims} with the −1 (if any) replaced, checked to hold exactly the elements of {@code from}. */
    private static int[] resolve(Shape from, int[] dims) {
        int[] d = dims.clone();
        int inferred = -1, known = 1;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == -1) {
                if (inferred >= 0) throw new IllegalArgumentException("reshape: -1 used twice in " + Arrays.toString(dims));
                inferred = i;
            } else if (d[i] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension " + d[i] + " in " + Arrays.toString(dims));
            } else {
                known *= d[i];
            }
        }
        boolean fits = inferred >= 0 ? known != 0 && from.size() % known == 0 : known == from.size();
        if (!fits)
            throw new IllegalArgumentException("reshape: cannot view shape " + from + " (" + from.size() + " elements) as " + Arrays.toString(dims));
        if (inferred >= 0) d[inferred] = from.size() / known;
        return d;
    }
}
