package lassi.glow;

import java.util.ArrayList;
import java.util.List;
import tensor.Tensor;
import tensor.ops.Concat;
import tensor.ops.Reshape;
import tensor.ops.Slice;

/**
 * Wrapping (§3.10, MUST): each level's latent z_b [N, C, H, W] flattened per sample in (C, H, W)
 * row-major order, the levels concatenated in block order (finest first), giving z [N, d].
 * Attribute vectors are wrapped the same way, so z + Σ t_i a_i is plain vector addition.
 * Both directions are differentiable.
 */
public final class Latents {
    private Latents() {}

    public static Tensor wrap(List<Tensor> zs) {
        Tensor[] flat = new Tensor[zs.size()];
        for (int b = 0; b < flat.length; b++) flat[b] = Reshape.apply(zs.get(b), zs.get(b).dim(0), -1);
        return Concat.apply(1, flat);
    }

    /** The inverse of {@link #wrap} for the given z-shapes (per sample (C, H, W), in level order). */
    public static List<Tensor> unwrap(Tensor z, List<int[]> zShapes) {     // z [N, d]
        int d = zShapes.stream().mapToInt(s -> s[0] * s[1] * s[2]).sum();
        if (z.rank() != 2 || z.dim(1) != d)
            throw new IllegalArgumentException("wrapped latents of dimension d = " + d + " expected, got shape " + z.shape());
        List<Tensor> zs = new ArrayList<>();
        int from = 0;
        for (int[] s : zShapes) {
            int size = s[0] * s[1] * s[2];
            zs.add(Reshape.apply(Slice.apply(z, 1, from, from + size), z.dim(0), s[0], s[1], s[2]));
            from += size;
        }
        return zs;
    }
}
