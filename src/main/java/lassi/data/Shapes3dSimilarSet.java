package lassi.data;

import java.util.Arrays;
import lassi.BadInput;
import tensor.Shape;
import tensor.Tensor;

/**
 * The ground-truth similar set of a 3dshapes tuple (spec §2.4, §8.6): the 15 images that share
 * every factor code but orientation, in orientation order 0..14, searched over the whole grid
 * (quirk Q7). For Shapes3D-lite they are rendered on demand, so they need not be in the sample.
 */
public final class Shapes3dSimilarSet {
    private Shapes3dSimilarSet() {}

    /** The 15 preprocessed Shapes3D-lite renders of side {@code size} similar to {@code codes}. */
    public static Tensor render(int[] codes, int size) {       // [15, 3, S, S]
        int[] indices = Shapes3dGrid.similarSet(codes);
        int plane = 3 * size * size;
        float[] out = new float[indices.length * plane];
        byte[] hwc = new byte[plane];
        for (int o = 0; o < indices.length; o++) {
            Shapes3dRenderer.render(Shapes3dGrid.codes(indices[o]), size, hwc, 0);
            Preprocess.fromHwcBytes(hwc, 0, size, out, o * plane);
        }
        return Tensor.of(Shape.of(indices.length, 3, size, size), out);
    }

    /**
     * The 15 similar images read from a full-grid file (the real 3dshapes file: row = grid index).
     * Refuses a file whose rows are not the grid in order.
     */
    public static Tensor read(Shapes3dFile full, int[] codes) {     // [15, 3, S, S]
        if (full.count() != Shapes3dGrid.SIZE)
            throw new IllegalArgumentException(full.path() + " has " + full.count() + " rows, not the full grid of "
                    + Shapes3dGrid.SIZE + ": render the similar set instead");
        int[] indices = Shapes3dGrid.similarSet(codes);
        int s = full.imageSize(), plane = 3 * s * s;
        float[] out = new float[indices.length * plane];
        byte[] hwc = new byte[full.imageBytes()];
        for (int o = 0; o < indices.length; o++) {
            if (!Arrays.equals(full.codes(indices[o]), Shapes3dGrid.codes(indices[o])))
                throw new BadInput(full.path() + ": row " + indices[o] + " has codes "
                        + Arrays.toString(full.codes(indices[o])) + ", expected the grid tuple "
                        + Arrays.toString(Shapes3dGrid.codes(indices[o])));
            full.readImages(indices[o], indices[o] + 1, hwc, 0);
            Preprocess.fromHwcBytes(hwc, 0, s, out, o * plane);
        }
        return Tensor.of(Shape.of(indices.length, 3, s, s), out);
    }
}
