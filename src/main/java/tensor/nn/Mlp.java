package tensor.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tensor.Tensor;
import tensor.ops.Relu;
import tensor.ops.Reshape;
import tensor.random.Rng;

/**
 * MLP(widths = [n0, n1, …, nK]), spec §6.1: for every consecutive pair but the last a block
 * Linear(n_j → n_{j+1}) → BatchNorm1d(n_{j+1}, affine) → ReLU, then a plain Linear(n_{K−1} → n_K).
 * The input is flattened to [N, n0]. Children are named like the indices of the equivalent
 * torch.nn.Sequential (the stateless ReLU takes an index too): "0" Linear, "1" BatchNorm1d,
 * (2 ReLU), "3" Linear, …, so state names read "0.weight", "1.running_mean", "3.bias".
 */
public final class Mlp extends Module {
    private final List<Linear> linears = new ArrayList<>();        // K layers
    private final List<BatchNorm1d> norms = new ArrayList<>();     // K − 1 layers, one per hidden block
    private final int inFeatures;

    /** Initialises every Linear with PyTorch's default from {@code rng}, in layer order. */
    public Mlp(Rng rng, int... widths) {
        if (widths.length < 2) throw new IllegalArgumentException("Mlp: need at least two widths [n0, n1], got " + Arrays.toString(widths));
        for (int w : widths) if (w < 1) throw new IllegalArgumentException("Mlp: widths must be >= 1, got " + Arrays.toString(widths));
        this.inFeatures = widths[0];
        int last = widths.length - 2;
        for (int j = 0; j <= last; j++) {
            linears.add(child(Integer.toString(3 * j), new Linear(widths[j], widths[j + 1], rng)));
            if (j < last) norms.add(child(Integer.toString(3 * j + 1), new BatchNorm1d(widths[j + 1], true)));
        }
    }

    /** x [N, n0] (or [N, …] with n0 values per row) → [N, nK]. */
    public Tensor forward(Tensor x) {
        Tensor h = x.rank() == 2 ? x : Reshape.apply(x, x.dim(0), -1);
        if (h.dim(1) != inFeatures)
            throw new IllegalArgumentException("Mlp: input " + x.shape() + " does not have " + inFeatures + " features per row");
        for (int j = 0; j < norms.size(); j++) h = Relu.apply(norms.get(j).forward(linears.get(j).forward(h)));
        return linears.get(linears.size() - 1).forward(h);
    }
}
