package tensor.ops;

import tensor.Tensor;

/**
 * Batch normalisation of x [B, F] per feature f, as torch.nn.functional.batch_norm:
 * x̂ = (x − μ) / √(v + eps), y = γ · x̂ + β, with γ and β [F] optional (null = non-affine:
 * γ = 1, β = 0).
 * Training uses the batch statistics μ = mean_b x and the biased v = mean_b (x − μ)², which
 * depend on x, so
 *   dx = γ / √(v + eps) · (dy − mean_b dy − x̂ · mean_b(dy · x̂)).
 * Evaluation uses the given running statistics, constants, so dx = γ / √(v + eps) · dy.
 * In both modes dγ = Σ_b dy · x̂ and dβ = Σ_b dy. Updating the running statistics is the
 * module's job (nn.BatchNorm1d), from the returned mean and biased variance.
 */
public final class BatchNorm {
    private BatchNorm() {}

    /** The training-mode output and the batch statistics it used (each [F]). */
    public record Result(Tensor y, float[] mean, float[] biasedVar) {}

    public static Result train(Tensor x, Tensor gamma, Tensor beta, float eps) {
        checkShapes(x, gamma, beta);
        int batch = x.dim(0), features = x.dim(1);
        if (batch < 2)
            throw new IllegalArgumentException("batch_norm: training needs more than one value per feature, got input shape " + x.shape());
        float[] xs = x.data(), mean = new float[features], biasedVar = new float[features];
        for (int f = 0; f < features; f++) {                     // two passes in double: no cancellation
            double sum = 0, sq = 0;
            for (int b = 0; b < batch; b++) sum += xs[b * features + f];
            double mu = sum / batch;
            for (int b = 0; b < batch; b++) sq += (xs[b * features + f] - mu) * (xs[b * features + f] - mu);
            mean[f] = (float) mu;
            biasedVar[f] = (float) (sq / batch);
        }
        return new Result(normalize(x, mean, biasedVar, gamma, beta, eps, true), mean, biasedVar);
    }

    public static Tensor eval(Tensor x, float[] runningMean, float[] runningVar, Tensor gamma, Tensor beta, float eps) {
        checkShapes(x, gamma, beta);
        if (runningMean.length != x.dim(1) || runningVar.length != x.dim(1))
            throw new IllegalArgumentException("batch_norm: running statistics of length " + runningMean.length + " and " + runningVar.length
                    + " do not match input shape " + x.shape());
        return normalize(x, runningMean, runningVar, gamma, beta, eps, false);
    }

    /** y = γ · (x − μ)/√(v + eps) + β; backward as in the class comment, by mode. */
    private static Tensor normalize(Tensor x, float[] mu, float[] v, Tensor gamma, Tensor beta, float eps, boolean batchStatistics) {
        int batch = x.dim(0), features = x.dim(1);
        float[] xs = x.data(), xHat = new float[x.size()], y = new float[x.size()], invStd = new float[features];
        for (int f = 0; f < features; f++) invStd[f] = (float) (1.0 / Math.sqrt(v[f] + (double) eps));
        for (int b = 0; b < batch; b++)
            for (int f = 0; f < features; f++) {
                int at = b * features + f;
                xHat[at] = (xs[at] - mu[f]) * invStd[f];
                y[at] = gamma(gamma, f) * xHat[at] + (beta == null ? 0f : beta.data()[f]);
            }
        return Tensor.result(x.shape(), y, out -> {
            float[] dY = out.grad();
            for (int f = 0; f < features; f++) {
                float sumDy = 0f, sumDyXHat = 0f;                  // Σ_b dy and Σ_b dy · x̂
                for (int b = 0; b < batch; b++) {
                    sumDy += dY[b * features + f];
                    sumDyXHat += dY[b * features + f] * xHat[b * features + f];
                }
                if (gamma != null && gamma.requiresGrad()) gamma.grad()[f] += sumDyXHat;
                if (beta != null && beta.requiresGrad()) beta.grad()[f] += sumDy;
                if (!x.requiresGrad()) continue;
                float scale = gamma(gamma, f) * invStd[f];         // γ / √(v + eps)
                float meanDy = batchStatistics ? sumDy / batch : 0f, meanDyXHat = batchStatistics ? sumDyXHat / batch : 0f;
                for (int b = 0; b < batch; b++) {
                    int at = b * features + f;
                    x.grad()[at] += scale * (dY[at] - meanDy - xHat[at] * meanDyXHat);
                }
            }
        }, x, gamma, beta);
    }

    private static float gamma(Tensor gamma, int f) {
        return gamma == null ? 1f : gamma.data()[f];
    }

    private static void checkShapes(Tensor x, Tensor gamma, Tensor beta) {
        if (x.rank() != 2) throw new IllegalArgumentException("batch_norm: expected input [B, F], got shape " + x.shape());
        for (Tensor p : new Tensor[] {gamma, beta})
            if (p != null && (p.rank() != 1 || p.dim(0) != x.dim(1)))
                throw new IllegalArgumentException("batch_norm: parameter " + p.shape() + " does not match input " + x.shape() + " (need [" + x.dim(1) + "])");
    }
}
