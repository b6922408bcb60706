package tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import tensor.random.Rng;

/**
 * A float32, row-major, contiguous tensor that remembers the op that made it.
 *
 * <p>Reverse-mode autodiff: an op creates its result through {@link #result}, which records the
 * inputs and a {@link Backward} closure when grad recording is on ({@link Grad}) and some input
 * requires a gradient. {@link #backward()} orders the graph topologically, visits each node once
 * and lets gradients accumulate (+=), so a tensor that feeds several ops receives the sum.
 */
public final class Tensor {
    private final Shape shape;
    private final float[] data;          // row-major, length shape.size()
    private float[] grad;                // allocated on first use, same length as data
    private boolean requiresGrad;
    private Tensor[] inputs;             // null for leaves and for results made without recording
    private Backward backward;

    private Tensor(Shape shape, float[] data) {
        if (data.length != shape.size())
            throw new IllegalArgumentException("data of length " + data.length + " does not fit shape " + shape);
        this.shape = shape;
        this.data = data;
    }

    // ---- construction -------------------------------------------------------------------------

    /** Wraps {@code data} (not copied) as a tensor of the given shape. */
    public static Tensor of(Shape shape, float[] data) {
        return new Tensor(shape, data);
    }

    /** Wraps {@code data} (not copied) with the given dimensions. */
    public static Tensor of(float[] data, int... dims) {
        return new Tensor(Shape.of(dims), data);
    }

    public static Tensor zeros(int... dims) {
        Shape s = Shape.of(dims);
        return new Tensor(s, new float[s.size()]);
    }

    public static Tensor zeros(Shape shape) {
        return new Tensor(shape, new float[shape.size()]);
    }

    public static Tensor full(Shape shape, float value) {
        float[] d = new float[shape.size()];
        Arrays.fill(d, value);
        return new Tensor(shape, d);
    }

    public static Tensor scalar(float value) {
        return new Tensor(Shape.scalar(), new float[] {value});
    }

    /** i.i.d. N(0, 1) entries drawn from {@code rng} in row-major order. */
    public static Tensor randn(Rng rng, int... dims) {
        Shape s = Shape.of(dims);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) d[i] = (float) rng.nextGaussian();
        return new Tensor(s, d);
    }

    /** i.i.d. U[lo, hi) entries drawn from {@code rng} in row-major order. */
    public static Tensor uniform(Rng rng, float lo, float hi, int... dims) {
        Shape s = Shape.of(dims);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) d[i] = lo + (hi - lo) * (float) rng.nextDouble();
        return new Tensor(s, d);
    }

    /**
     * The result of an op. When recording is on and some input requires a gradient, the result
     * requires one too and remembers {@code inputs} and {@code backward}.
     */
    public static Tensor result(Shape shape, float[] data, Backward backward, Tensor... inputs) {
        Tensor out = new Tensor(shape, data);
        if (Grad.enabled()) {
            for (Tensor in : inputs) {
                if (in != null && in.requiresGrad) {
                    out.requiresGrad = true;
                    out.inputs = inputs;
                    out.backward = backward;
                    break;
                }
            }
        }
        return out;
    }

    // ---- accessors ----------------------------------------------------------------------------

    public Shape shape() { return shape; }

    public int size() { return data.length; }

    public int rank() { return shape.rank(); }

    public int dim(int axis) { return shape.dim(axis); }

    /** The backing array (not a copy): ops read and write it directly. */
    public float[] data() { return data; }

    /** The value of a one-element tensor. */
    public float item() {
        if (data.length != 1) throw new IllegalStateException("item() needs a one-element tensor, got shape " + shape);
        return data[0];
    }

    /** The gradient buffer dL/d(this), allocated as zeros on first access. */
    public float[] grad() {
        if (grad == null) grad = Buffers.zeroed(data.length);
        return grad;
    }

    /** Whether a gradient buffer exists (it does after backward reached this tensor). */
    public boolean hasGrad() { return grad != null; }

    /** The gradient as a tensor sharing the buffer. */
    public Tensor gradTensor() { return new Tensor(shape, grad()); }

    public boolean requiresGrad() { return requiresGrad; }

    /** Marks a leaf as a trainable variable (or not). Returns this. */
    public Tensor requiresGrad(boolean value) {
        if (inputs != null && !value) throw new IllegalStateException("cannot clear requiresGrad on a non-leaf; use detach()");
        this.requiresGrad = value;
        return this;
    }

    public boolean isLeaf() { return inputs == null; }

    /** Zeroes the gradient buffer, if any. */
    public void zeroGrad() {
        if (grad != null) Arrays.fill(grad, 0f);
    }

    /** A leaf sharing this tensor's data, cut from the graph. */
    public Tensor detach() { return new Tensor(shape, data); }

    /** A leaf with a copy of the data. */
    public Tensor copy() { return new Tensor(shape, data.clone()); }

    // ---- backward -----------------------------------------------------------------------------

    /** Backpropagates from a one-element tensor with seed 1. */
    public void backward() {
        if (data.length != 1) throw new IllegalStateException("backward() needs a one-element tensor, got shape " + shape + "; pass an upstream gradient");
        backward(new float[] {1f});
    }

    /**
     * Backpropagates with upstream gradient {@code seed} (same length as this tensor). Like
     * PyTorch, only leaves and this tensor keep their gradients: an intermediate result's buffer
     * goes back to {@link Buffers} once its own backward has run (every op that reads it has run
     * by then).
     */
    public void backward(float[] seed) {
        if (seed.length != data.length) throw new IllegalArgumentException("upstream gradient of length " + seed.length + " for shape " + shape);
        if (!requiresGrad) throw new IllegalStateException("backward() on a tensor that does not require a gradient");
        float[] g = grad();
        for (int i = 0; i < g.length; i++) g[i] += seed[i];
        List<Tensor> order = topologicalOrder();
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            if (t.backward == null) continue;
            t.backward.apply(t);
            if (t != this && t.grad != null) {
                Buffers.giveBack(t.grad);
                t.grad = null;
            }
        }
    }

    /** Every recorded tensor reachable from this one, inputs before the tensors made from them. */
    private List<Tensor> topologicalOrder() {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object[]> stack = new ArrayDeque<>();   // (tensor, next input index)
        stack.push(new Object[] {this, 0});
        visited.add(this);
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            Tensor t = (Tensor) top[0];
            int next = (Integer) top[1];
            if (t.inputs != null && next < t.inputs.length) {
                top[1] = next + 1;
                Tensor in = t.inputs[next];
                if (in != null && in.requiresGrad && visited.add(in)) stack.push(new Object[] {in, 0});
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }

    @Override public String toString() {
        int n = Math.min(data.length, 8);
        StringBuilder sb = new StringBuilder("Tensor").append(shape).append(" [");
        for (int i = 0; i < n; i++) sb.append(i > 0 ? ", " : "").append(data[i]);
        if (n < data.length) sb.append(", ...");
        return sb.append(']').toString();
    }
}
