package tensor.ops;

import tensor.Tensor;

/**
 * The index of the largest entry along one axis; ties go to the first (lowest) index. Returned
 * as an int[] in the row-major order of x's shape with the axis removed. Not differentiable.
 */
public final class Argmax {
    private Argmax() {}

    public static int[] apply(Tensor x, int axis) {
        Axes.Split s = Axes.split("argmax", x.shape(), axis);
        if (s.n() == 0) throw new IllegalArgumentException("argmax: axis " + axis + " of shape " + x.shape() + " is empty");
        float[] xs = x.data();
        int[] index = new int[s.outer() * s.inner()];
        for (int o = 0; o < s.outer(); o++)
            for (int i = 0; i < s.inner(); i++) {
                int best = 0;
                for (int k = 1; k < s.n(); k++) if (xs[s.at(o, k, i)] > xs[s.at(o, best, i)]) best = k;   // strict: first max wins
                index[o * s.inner() + i] = best;
            }
        return index;
    }
}
