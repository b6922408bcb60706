package lassi.attr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lassi.BadInput;
import lassi.glow.Latents;
import tensor.Tensor;
import tensor.io.NpyArray;
import tensor.io.Npz;
import tensor.ops.Reshape;

/**
 * One attribute vector on disk, in the reference's layout (§4, Appendix A): {@code <name>.npz}
 * with the positional members arr_0..arr_{L−1} that {@code np.savez(file, *levels)} writes, one
 * float32 array per z-level in level order, each of that level's z-shape (C, H, W). In memory the
 * vector is wrapped like a latent (§3.10, {@link Latents}): each level flattened in (C, H, W)
 * order, the levels concatenated finest first, giving [d]; so z + Σ t_i a_i is plain addition.
 */
public final class AttributeVectorFile {
    private AttributeVectorFile() {}

    /** The wrapped vector [d] stored in {@code file}, checked against the model's z-shapes. */
    public static Tensor read(Path file, List<int[]> zShapes) throws IOException {
        Map<String, NpyArray> members = Npz.read(file);
        List<String> names = memberNames(zShapes.size());
        if (!members.keySet().equals(Set.copyOf(names)))
            throw new BadInput(file + ": members " + members.keySet() + ", but an attribute vector of a Glow with " + zShapes.size()
                    + " levels has exactly " + names + " (one array per z-level)");
        List<Tensor> levels = new ArrayList<>();
        for (int b = 0; b < zShapes.size(); b++) {
            NpyArray level = members.get(names.get(b));
            int[] zShape = zShapes.get(b);
            if (level.dtype() != NpyArray.DType.FLOAT32 && level.dtype() != NpyArray.DType.FLOAT64)
                throw new BadInput(file + ": arr_" + b + " has dtype " + level.dtype().descr + ", expected float32 ('<f4') or float64");
            if (!Arrays.equals(level.shape(), zShape))
                throw new BadInput(file + ": arr_" + b + " has shape " + Arrays.toString(level.shape()) + ", but level " + b
                        + " of the model has z-shape " + Arrays.toString(zShape));
            levels.add(Tensor.of(level.toFloats(), 1, zShape[0], zShape[1], zShape[2]));
        }
        Tensor wrapped = Latents.wrap(levels);                      // [1, d]
        return Reshape.apply(wrapped, wrapped.dim(1));
    }

    /** Writes the wrapped vector {@code a} [d] as one float32 member arr_b per z-level. */
    public static void write(Path file, Tensor a, List<int[]> zShapes) throws IOException {
        if (a.rank() != 1)
            throw new IllegalArgumentException("an attribute vector is wrapped [d], got shape " + a.shape());
        List<Tensor> levels = Latents.unwrap(Reshape.apply(a.detach(), 1, a.dim(0)), zShapes);
        Map<String, NpyArray> members = new LinkedHashMap<>();
        List<String> names = memberNames(zShapes.size());
        for (int b = 0; b < names.size(); b++) members.put(names.get(b), NpyArray.ofFloats(levels.get(b).data(), zShapes.get(b)));
        Npz.write(file, members);
    }

    /** arr_0..arr_{L−1}, in level order: np.savez's names for positional arrays. */
    private static List<String> memberNames(int levels) {
        List<String> names = new ArrayList<>();
        for (int b = 0; b < levels; b++) names.add("arr_" + b);
        return names;
    }
}
