package tensor.ops;

import tensor.Shape;
import tensor.Tensor;
import tensor.backend.Binary;

/** out = a ⊙ b with NumPy broadcasting; dL/da = dL/dout ⊙ b, dL/db = dL/dout ⊙ a (each summed to its input's shape). */
public final class Mul {
    private Mul() {}

    public static Tensor apply(Tensor a, Tensor b) {
        Shape out = Shape.broadcast(a.shape(), b.shape());
        return BinaryOp.apply(Binary.MUL, a, b,
                dOut -> BinaryOp.combine(Binary.MUL, dOut, out, b),
                dOut -> BinaryOp.combine(Binary.MUL, dOut, out, a));
    }
}
