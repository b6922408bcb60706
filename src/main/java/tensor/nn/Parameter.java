package tensor.nn;

import tensor.Tensor;

/** A trainable tensor with its dotted state name, e.g. "blocks.0.flows.1.actnorm.loc". */
public record Parameter(String name, Tensor value) {}
