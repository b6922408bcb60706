package lassi.glow;

import lassi.data.Preprocess;
import lassi.data.Shapes3dGrid;
import lassi.data.Shapes3dRenderer;
import tensor.Tensor;
import tensor.random.Rng;

/** Shapes3D-lite images (spec §10.2) for training tests: random grid tuples rendered at side S, preprocessed. */
final class TestImages {
    private TestImages() {}

    /** [n, 3, side, side] on the 5-bit grid, the grid indices drawn from rng (with repetition). */
    static Tensor shapes3dLite(Rng rng, int n, int side) {
        int per = 3 * side * side;
        float[] x = new float[n * per];
        for (int i = 0; i < n; i++) {
            byte[] hwc = Shapes3dRenderer.render(Shapes3dGrid.codes(rng.nextInt(Shapes3dGrid.SIZE)), side);
            Preprocess.fromHwcBytes(hwc, 0, side, x, i * per);
        }
        return Tensor.of(x, n, 3, side, side);
    }
}
