package tensor.ops;

import tensor.Shape;
import tensor.Tensor;

/**
 * The mean cross-entropy of a batch of logits z [B, C] against class indices y [B], fused and
 * stable as torch.nn.functional.cross_entropy:
 * L = (1/B) Σ_b (logsumexp_c z[b, c] − z[b, y_b]), with logsumexp_c z = m + log Σ_c e^{z_c − m},
 * m = max_c z_c, so that e^ never overflows.
 * dL/dz[b, c] = (softmax(z_b)_c − 1[c = y_b]) / B.
 */
public final class CrossEntropy {
    private CrossEntropy() {}

    public static Tensor apply(Tensor logits, int[] targets) {
        if (logits.rank() != 2 || logits.dim(0) != targets.length || logits.dim(0) == 0)
            throw new IllegalArgumentException("cross_entropy: logits " + logits.shape() + " and " + targets.length + " targets do not fit (need [B, C] with B = number of targets >= 1)");
        int batch = logits.dim(0), classes = logits.dim(1);
        int[] y = targets.clone();
        for (int b = 0; b < batch; b++)
            if (y[b] < 0 || y[b] >= classes)
                throw new IllegalArgumentException("cross_entropy: target " + y[b] + " at row " + b + " out of range for logits " + logits.shape());
        Axes.Split rows = new Axes.Split(batch, classes, 1);
        float[] z = logits.data(), m = new float[batch], logSum = new float[batch];
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            m[b] = LogSoftmax.max(z, rows, b, 0);
            logSum[b] = LogSoftmax.logSumExpShifted(z, rows, b, 0, m[b]);
            loss += logSum[b] - (z[b * classes + y[b]] - m[b]);
        }
        return Tensor.result(Shape.scalar(), new float[] {(float) (loss / batch)}, out -> {
            if (!logits.requiresGrad()) return;
            float scale = out.grad()[0] / batch;
            float[] dZ = logits.grad();
            for (int b = 0; b < batch; b++) {
                for (int c = 0; c < classes; c++) dZ[b * classes + c] += scale * (float) Math.exp((z[b * classes + c] - m[b]) - logSum[b]);
                dZ[b * classes + y[b]] -= scale;
            }
        }, logits);
    }
}
