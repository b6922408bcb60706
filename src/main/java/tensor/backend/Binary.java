package tensor.backend;

/**
 * Element-wise binary functions out = f(a, b), applied with NumPy broadcasting. This enum is the
 * plain-Java twin of the OpenCL broadcasting kernel ({@code kernels/elementwise.cl}), which
 * switches on the same ordinals.
 */
public enum Binary {
    ADD { public float apply(float a, float b) { return a + b; } },
    SUB { public float apply(float a, float b) { return a - b; } },
    MUL { public float apply(float a, float b) { return a * b; } },
    DIV { public float apply(float a, float b) { return a / b; } };

    public abstract float apply(float a, float b);
}
