package tensor.ops;

import tensor.Tensor;
import tensor.backend.Binary;

/** out = a + b with NumPy broadcasting; dL/da = dL/dout and dL/db = dL/dout, each summed to its input's shape. */
public final class Add {
    private Add() {}

    public static Tensor apply(Tensor a, Tensor b) {
        return BinaryOp.apply(Binary.ADD, a, b, dOut -> dOut, dOut -> dOut);
    }
}
