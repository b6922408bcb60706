package tensor.ops;

import tensor.Buffers;
import tensor.Tensor;
import tensor.backend.Backends;
import tensor.backend.Binary;
import tensor.backend.Unary;

/** out = a − b with NumPy broadcasting; dL/da = dL/dout and dL/db = −dL/dout, each summed to its input's shape. */
public final class Sub {
    private Sub() {}

    public static Tensor apply(Tensor a, Tensor b) {
        return BinaryOp.apply(Binary.SUB, a, b, dOut -> dOut, dOut -> {
            float[] dB = Buffers.uninitialized(dOut.length);
            Backends.current().unary(Unary.NEG, 0f, dOut, dB);
            return dB;
        });
    }
}
