package tensor.ops;

import java.util.Arrays;
import tensor.Shape;
import tensor.Tensor;

/**
 * Constant padding of the two spatial axes: x [N, C, H, W] → y [N, C, H + 2·pad, W + 2·pad] with
 * y = value on the border and y[n, c, pad + r, pad + s] = x[n, c, r, s] inside. The border does
 * not depend on x, so backward copies back only the interior of dy. (Glow's ZeroConv2d pads
 * with value 1.)
 */
public final class Pad {
    private Pad() {}

    public static Tensor apply(Tensor x, int pad, float value) {
        if (x.rank() != 4) throw new IllegalArgumentException("pad: expected [N, C, H, W], got shape " + x.shape());
        if (pad < 0) throw new IllegalArgumentException("pad: negative padding " + pad + " for shape " + x.shape());
        int planes = x.dim(0) * x.dim(1), h = x.dim(2), w = x.dim(3);
        int hp = h + 2 * pad, wp = w + 2 * pad;
        float[] xs = x.data(), y = new float[planes * hp * wp];
        Arrays.fill(y, value);
        for (int p = 0; p < planes; p++)
            for (int r = 0; r < h; r++) System.arraycopy(xs, (p * h + r) * w, y, (p * hp + r + pad) * wp + pad, w);
        return Tensor.result(Shape.of(x.dim(0), x.dim(1), hp, wp), y, out -> {
            if (!x.requiresGrad()) return;
            float[] dX = x.grad(), dY = out.grad();
            for (int p = 0; p < planes; p++)
                for (int r = 0; r < h; r++) {
                    int from = (p * hp + r + pad) * wp + pad, to = (p * h + r) * w;
                    for (int s = 0; s < w; s++) dX[to + s] += dY[from + s];
                }
        }, x);
    }
}
