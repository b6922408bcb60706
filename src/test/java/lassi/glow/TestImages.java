package lassi.glow;

import tensor.Tensor;
import tensor.random.Rng;

/** Structured images on the 5-bit grid for training tests: a coloured square on a coloured background. */
final class TestImages {
    private TestImages() {}

    /** [n, 3, side, side]: background and square colours and the square's corner drawn from rng. */
    static Tensor squares(Rng rng, int n, int side) {
        float[] x = new float[n * 3 * side * side];
        int half = side / 2;
        for (int i = 0; i < n; i++) {
            int[] background = {rng.nextInt(256), rng.nextInt(256), rng.nextInt(256)};
            int[] square = {rng.nextInt(256), rng.nextInt(256), rng.nextInt(256)};
            int top = rng.nextInt(side - half + 1), left = rng.nextInt(side - half + 1);
            for (int c = 0; c < 3; c++)
                for (int r = 0; r < side; r++)
                    for (int col = 0; col < side; col++) {
                        boolean inside = r >= top && r < top + half && col >= left && col < left + half;
                        x[((i * 3 + c) * side + r) * side + col] = Quantization.quantize(inside ? square[c] : background[c]);
                    }
        }
        return Tensor.of(x, n, 3, side, side);
    }
}
