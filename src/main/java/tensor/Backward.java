package tensor;

/**
 * How an op sends the gradient of its output back to its inputs. {@code out.grad()} holds
 * dL/d(out) when this runs; the implementation adds (+=) into the grads of those inputs that
 * {@link Tensor#requiresGrad()}.
 */
@FunctionalInterface
public interface Backward {
    void apply(Tensor out);
}
