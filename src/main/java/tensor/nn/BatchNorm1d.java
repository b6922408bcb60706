package tensor.nn;

import tensor.Shape;
import tensor.Tensor;
import tensor.ops.BatchNorm;

/**
 * torch.nn.BatchNorm1d on [B, F] inputs, spec Appendix B: eps 1e-5, momentum 0.1.
 * <ul>
 * <li>training: x̂ = (x − μ)/√(v + eps) with the batch mean μ and biased variance v, y = γx̂ + β;
 *     then running_mean ← 0.9·running_mean + 0.1·μ and running_var ← 0.9·running_var +
 *     0.1·v·B/(B − 1) (the unbiased variance), num_batches_tracked += 1;</li>
 * <li>evaluation: x̂ uses running_mean and running_var instead.</li>
 * </ul>
 * With {@code affine} the learnable γ (weight, init 1) and β (bias, init 0) are applied; without
 * it (LASSI's output normalisation, spec §6.1) the layer has no parameters. State names as in
 * PyTorch: weight, bias (affine only), running_mean, running_var, num_batches_tracked.
 */
public final class BatchNorm1d extends Module {
    public static final float EPS = 1e-5f;
    public static final double MOMENTUM = 0.1;

    private final Tensor weight;             // [F] γ, or null without affine
    private final Tensor bias;               // [F] β, or null without affine
    private final Tensor runningMean;        // [F]
    private final Tensor runningVar;         // [F]
    private final Tensor numBatchesTracked;  // [] a count, stored as float like every buffer

    public BatchNorm1d(int features, boolean affine) {
        if (features < 1) throw new IllegalArgumentException("BatchNorm1d: features must be >= 1, got " + features);
        this.weight = affine ? parameter("weight", Tensor.full(Shape.of(features), 1f)) : null;
        this.bias = affine ? parameter("bias", Tensor.zeros(features)) : null;
        this.runningMean = buffer("running_mean", Tensor.zeros(features));
        this.runningVar = buffer("running_var", Tensor.full(Shape.of(features), 1f));
        this.numBatchesTracked = buffer("num_batches_tracked", Tensor.scalar(0f));
    }

    /** x [B, F] → [B, F]; in training mode also updates the running statistics. */
    public Tensor forward(Tensor x) {
        if (!isTraining()) return BatchNorm.eval(x, runningMean.data(), runningVar.data(), weight, bias, EPS);
        BatchNorm.Result r = BatchNorm.train(x, weight, bias, EPS);   // rejects B < 2, as PyTorch does
        float[] mean = runningMean.data(), var = runningVar.data();
        int batch = x.dim(0);
        double unbiased = (double) batch / (batch - 1);
        for (int f = 0; f < mean.length; f++) {   // PyTorch's order: momentum·new + (1 − momentum)·old
            mean[f] = (float) (MOMENTUM * r.mean()[f] + (1 - MOMENTUM) * mean[f]);
            var[f] = (float) (MOMENTUM * r.biasedVar()[f] * unbiased + (1 - MOMENTUM) * var[f]);
        }
        numBatchesTracked.data()[0] += 1;
        return r.y();
    }

    /** γ [F], or null without affine. */
    public Tensor weight() { return weight; }

    /** β [F], or null without affine. */
    public Tensor bias() { return bias; }

    public Tensor runningMean() { return runningMean; }

    public Tensor runningVar() { return runningVar; }
}
