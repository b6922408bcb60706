package tensor.ops;

import tensor.Shape;
import tensor.Tensor;
import tensor.backend.Backends;
import tensor.backend.Binary;
import tensor.backend.Unary;

/**
 * out = a / b with NumPy broadcasting; dL/da = dL/dout / b and dL/db = −dL/dout · a / b²,
 * each summed to its input's shape.
 */
public final class Div {
    private Div() {}

    public static Tensor apply(Tensor a, Tensor b) {
        Shape out = Shape.broadcast(a.shape(), b.shape());
        return BinaryOp.apply(Binary.DIV, a, b,
                dOut -> BinaryOp.combine(Binary.DIV, dOut, out, b),
                dOut -> {
                    float[] dB = BinaryOp.combine(Binary.DIV, dOut, out, b);   // dout / b
                    dB = BinaryOp.combine(Binary.MUL, dB, out, a);             // dout · a / b
                    dB = BinaryOp.combine(Binary.DIV, dB, out, b);             // dout · a / b²
                    Backends.current().unary(Unary.NEG, 0f, dB, dB);
                    return dB;
                });
    }
}
