package tensor.optim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tensor.Shape;
import tensor.Tensor;
import tensor.nn.Parameter;
import tensor.nn.StateKeys;

/**
 * Adam with PyTorch's semantics (spec Appendix B; torch.optim.Adam without weight decay or
 * amsgrad), per parameter θ with gradient g and its own step count t (from 1):
 * <pre>
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   θ ← θ − lr/(1 − β1^t) · m / (√v / √(1 − β2^t) + eps)
 * </pre>
 * eps is added after the bias-corrected √v, as PyTorch does (not to √v itself as in the paper).
 * The element-wise arithmetic is float32 in PyTorch's order; the bias corrections and the step
 * size are double, as the Python scalars are. Like PyTorch, a parameter that has no gradient
 * buffer yet ({@link Tensor#hasGrad()} false, PyTorch's {@code grad is None}) is skipped and its t
 * does not advance; a zeroed gradient is a real zero gradient (m and v still decay).
 *
 * <p>The state (m, v, t per parameter) is saved and restored by name for an exact resume:
 * "&lt;name&gt;.exp_avg", "&lt;name&gt;.exp_avg_sq" (shaped like the parameter) and "&lt;name&gt;.step"
 * (a scalar; float32 holds every count up to 2^24 exactly).
 */
public final class Adam {
    private final List<Parameter> parameters;
    private final double beta1, beta2, eps;       // Python floats in PyTorch; cast to float where it casts them
    private double lr;                            // settable between steps (learning-rate warm-up)
    private final float[][] m;      // per parameter, shaped like it: first-moment estimate (exp_avg)
    private final float[][] v;      // per parameter, shaped like it: second-moment estimate (exp_avg_sq)
    private final long[] t;         // per parameter: steps taken

    /** PyTorch's defaults: β1 = 0.9, β2 = 0.999, eps = 1e-8. */
    public Adam(List<Parameter> parameters, double lr) {
        this(parameters, lr, 0.9, 0.999, 1e-8);
    }

    public Adam(List<Parameter> parameters, double lr, double beta1, double beta2, double eps) {
        if (!(lr >= 0)) throw new IllegalArgumentException("Adam: lr must be >= 0, got " + lr);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("Adam: beta1 must be in [0, 1), got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("Adam: beta2 must be in [0, 1), got " + beta2);
        if (!(eps >= 0)) throw new IllegalArgumentException("Adam: eps must be >= 0, got " + eps);
        var names = new HashSet<String>();
        for (Parameter p : parameters)
            if (!names.add(p.name())) throw new IllegalArgumentException("Adam: duplicate parameter name '" + p.name() + "'");
        this.parameters = List.copyOf(parameters);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        int n = parameters.size();
        this.m = new float[n][];
        this.v = new float[n][];
        this.t = new long[n];
        for (int i = 0; i < n; i++) {
            m[i] = new float[parameters.get(i).value().size()];
            v[i] = new float[m[i].length];
        }
    }

    /**
     * The learning rate for the following steps, as PyTorch's {@code param_groups[0]["lr"] = lr}
     * (learning-rate schedules such as Glow's warm-up). m, v and t are untouched.
     */
    public void setLearningRate(double lr) {
        if (!(lr >= 0)) throw new IllegalArgumentException("Adam: lr must be >= 0, got " + lr);
        this.lr = lr;
    }

    /** One update of every parameter that has a gradient. */
    public void step() {
        for (int p = 0; p < parameters.size(); p++) {
            Tensor theta = parameters.get(p).value();
            if (!theta.hasGrad()) continue;
            update(theta.data(), theta.grad(), m[p], v[p], ++t[p]);
        }
    }

    private void update(float[] theta, float[] g, float[] m, float[] v, long step) {
        double biasCorrection1 = 1 - Math.pow(beta1, step);       // Python floats in PyTorch: double
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        float stepSize = (float) (lr / biasCorrection1);
        float denomScale = (float) biasCorrection2Sqrt;
        float b1 = (float) beta1, b2 = (float) beta2, epsF = (float) eps;
        float oneMinusBeta1 = (float) (1 - beta1), oneMinusBeta2 = (float) (1 - beta2);
        for (int i = 0; i < theta.length; i++) {
            m[i] = m[i] * b1 + oneMinusBeta1 * g[i];            // exp_avg.mul_(β1).add_(g, alpha=1−β1)
            v[i] = v[i] * b2 + oneMinusBeta2 * g[i] * g[i];     // exp_avg_sq.mul_(β2).addcmul_(g, g, value=1−β2)
            float denom = (float) Math.sqrt(v[i]) / denomScale + epsF;
            theta[i] = theta[i] + -stepSize * m[i] / denom;        // param.addcdiv_(m, denom, value=−stepSize)
        }
    }

    /** Zeroes every parameter's gradient buffer (keeps it: the next step sees a zero gradient, not none). */
    public void zeroGrad() {
        for (Parameter p : parameters) p.value().zeroGrad();
    }

    /** Steps taken by parameter {@code index} (its t). */
    public long steps(int index) {
        return t[index];
    }

    /** The optimizer state by name: copies of m, v and t for every parameter, in parameter order. */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int p = 0; p < parameters.size(); p++) {
            Parameter param = parameters.get(p);
            Shape shape = param.value().shape();
            out.put(param.name() + ".exp_avg", Tensor.of(shape, m[p].clone()));
            out.put(param.name() + ".exp_avg_sq", Tensor.of(shape, v[p].clone()));
            out.put(param.name() + ".step", Tensor.scalar(t[p]));
        }
        return out;
    }

    /**
     * Restores a state saved by {@link #stateDict()} for parameters of the same names and shapes.
     * Fails naming missing or unexpected keys, or both shapes on a mismatch; nothing is changed
     * unless the whole state is valid.
     */
    public void loadStateDict(Map<String, Tensor> state) {
        Map<String, Tensor> own = stateDict();
        StateKeys.requireMatch("Adam state does not match the parameters", own.keySet(), state.keySet());
        List<Runnable> copies = new ArrayList<>();
        for (int p = 0; p < parameters.size(); p++) {
            String name = parameters.get(p).name();
            Shape shape = parameters.get(p).value().shape();
            Tensor mState = state.get(name + ".exp_avg"), vState = state.get(name + ".exp_avg_sq"), tState = state.get(name + ".step");
            mState.shape().requireEqual(shape, "Adam state '" + name + ".exp_avg'");
            vState.shape().requireEqual(shape, "Adam state '" + name + ".exp_avg_sq'");
            float steps = tState.item();
            if (!(steps >= 0 && steps == Math.rint(steps)))
                throw new IllegalArgumentException("Adam state '" + name + ".step' must be a non-negative integer, got " + steps);
            int index = p;
            copies.add(() -> {
                System.arraycopy(mState.data(), 0, m[index], 0, m[index].length);
                System.arraycopy(vState.data(), 0, v[index], 0, v[index].length);
                t[index] = (long) steps;
            });
        }
        copies.forEach(Runnable::run);
    }
}
