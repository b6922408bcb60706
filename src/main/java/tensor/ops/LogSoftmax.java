package tensor.ops;

import tensor.Tensor;

/**
 * y_k = x_k − log Σ_j e^{x_j} along one axis, computed as (x_k − m) − log Σ_j e^{x_j − m} with
 * m = max_j x_j so that e^ never overflows (and the subtraction x_k − m is exact for the maximum). With softmax p = e^y:
 * dx_k = dy_k − p_k · Σ_j dy_j.
 */
public final class LogSoftmax {
    private LogSoftmax() {}

    public static Tensor apply(Tensor x, int axis) {
        Axes.Split s = Axes.split("log_softmax", x.shape(), axis);
        float[] xs = x.data(), y = new float[x.size()];
        for (int o = 0; o < s.outer(); o++)
            for (int i = 0; i < s.inner(); i++) {
                float m = max(xs, s, o, i), logSum = logSumExpShifted(xs, s, o, i, m);
                for (int k = 0; k < s.n(); k++) y[s.at(o, k, i)] = (xs[s.at(o, k, i)] - m) - logSum;
            }
        return Tensor.result(x.shape(), y, out -> {
            if (!x.requiresGrad()) return;
            float[] dX = x.grad(), dY = out.grad();
            for (int o = 0; o < s.outer(); o++)
                for (int i = 0; i < s.inner(); i++) {
                    float sumDy = 0f;
                    for (int k = 0; k < s.n(); k++) sumDy += dY[s.at(o, k, i)];
                    for (int k = 0; k < s.n(); k++) {
                        int at = s.at(o, k, i);
                        dX[at] += dY[at] - (float) Math.exp(y[at]) * sumDy;
                    }
                }
        }, x);
    }

    /** m = max_k x[o, k, i]. Shared with CrossEntropy. */
    static float max(float[] x, Axes.Split s, int o, int i) {
        float m = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < s.n(); k++) m = Math.max(m, x[s.at(o, k, i)]);
        return m;
    }

    /** log Σ_k e^{x[o, k, i] − m}, summed in double; logsumexp = m + this. Shared with CrossEntropy. */
    static float logSumExpShifted(float[] x, Axes.Split s, int o, int i, float m) {
        double sum = 0;
        for (int k = 0; k < s.n(); k++) sum += Math.exp(x[s.at(o, k, i)] - m);
        return (float) Math.log(sum);
    }
}
