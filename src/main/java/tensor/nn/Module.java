package tensor.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tensor.Tensor;

/**
 * A network part: trainable parameters, non-trainable buffers (running statistics, masks,
 * flags stored as 0/1) and child modules, each registered under a name in the constructor. State
 * names are dotted paths exactly as PyTorch forms them ("net.0.weight"), so a state dict maps
 * one-to-one onto the reference's. Modules start in training mode.
 */
public abstract class Module {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Registers a trainable parameter (marks it as requiring a gradient) and returns it. */
    protected final Tensor parameter(String name, Tensor value) {
        requireNew(name);
        parameters.put(name, value.requiresGrad(true));
        return value;
    }

    /** Registers a non-trainable buffer that is part of the saved state, and returns it. */
    protected final Tensor buffer(String name, Tensor value) {
        requireNew(name);
        buffers.put(name, value);
        return value;
    }

    /** Registers a child module and returns it. */
    protected final <M extends Module> M child(String name, M module) {
        requireNew(name);
        children.put(name, module);
        return module;
    }

    private void requireNew(String name) {
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name))
            throw new IllegalStateException("duplicate state name '" + name + "' in " + getClass().getSimpleName());
    }

    /** Every trainable parameter of this module and its children, in registration order. */
    public final List<Parameter> namedParameters() {
        List<Parameter> out = new ArrayList<>();
        collectParameters("", out);
        return out;
    }

    private void collectParameters(String prefix, List<Parameter> out) {
        parameters.forEach((n, t) -> out.add(new Parameter(prefix + n, t)));
        children.forEach((n, m) -> m.collectParameters(prefix + n + ".", out));
    }

    /** The trainable tensors, in registration order (what an optimizer steps). */
    public final List<Tensor> parameters() {
        return namedParameters().stream().map(Parameter::value).toList();
    }

    /** Parameters and buffers by dotted name, in registration order (what is saved). */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collectState("", out);
        return out;
    }

    private void collectState(String prefix, Map<String, Tensor> out) {
        parameters.forEach((n, t) -> out.put(prefix + n, t));
        buffers.forEach((n, t) -> out.put(prefix + n, t));
        children.forEach((n, m) -> m.collectState(prefix + n + ".", out));
    }

    /**
     * Copies every tensor of {@code state} into this module's state of the same name. Fails,
     * naming the keys, when a key is missing or unexpected, or naming both shapes on a mismatch;
     * nothing is copied unless every key and shape matches.
     */
    public final void loadStateDict(Map<String, Tensor> state) {
        Map<String, Tensor> own = stateDict();
        StateKeys.requireMatch("state does not match " + getClass().getSimpleName(), own.keySet(), state.keySet());
        own.forEach((name, target) -> state.get(name).shape().requireEqual(target.shape(), "state '" + name + "'"));
        own.forEach((name, target) -> System.arraycopy(state.get(name).data(), 0, target.data(), 0, target.size()));
    }

    /** Training mode (batch statistics, running-stat updates) for this module and its children. */
    public final Module train() { return setTraining(true); }

    /** Evaluation mode (running statistics) for this module and its children. */
    public final Module eval() { return setTraining(false); }

    public final boolean isTraining() { return training; }

    private Module setTraining(boolean value) {
        training = value;
        children.values().forEach(m -> m.setTraining(value));
        return this;
    }

    /** Zeroes the gradient of every parameter. */
    public final void zeroGrad() {
        for (Tensor p : parameters()) p.zeroGrad();
    }
}
