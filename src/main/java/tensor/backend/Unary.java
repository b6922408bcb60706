package tensor.backend;

/**
 * Element-wise functions y = f(x; p) with their derivatives. This enum is the plain-Java
 * definition (the twin) of the OpenCL element-wise kernel, which switches on the same ordinals
 * ({@code kernels/elementwise.cl}); {@code p} is the scalar parameter of the functions that take
 * one and is ignored by the others.
 */
public enum Unary {
    NEG {                      // y = −x
        public float apply(float x, float p) { return -x; }
        public float derivative(float x, float y, float p) { return -1f; }
    },
    EXP {                      // y = e^x, dy/dx = y
        public float apply(float x, float p) { return (float) Math.exp(x); }
        public float derivative(float x, float y, float p) { return y; }
    },
    LOG {                      // y = ln x, dy/dx = 1/x
        public float apply(float x, float p) { return (float) Math.log(x); }
        public float derivative(float x, float y, float p) { return 1f / x; }
    },
    SQRT {                     // y = √x, dy/dx = 1/(2y)
        public float apply(float x, float p) { return (float) Math.sqrt(x); }
        public float derivative(float x, float y, float p) { return 0.5f / y; }
    },
    ABS {                      // y = |x|, dy/dx = sign(x) (0 at 0, as PyTorch)
        public float apply(float x, float p) { return Math.abs(x); }
        public float derivative(float x, float y, float p) { return Math.signum(x); }
    },
    POW {                      // y = x^p, dy/dx = p·x^(p−1)
        public float apply(float x, float p) { return (float) Math.pow(x, p); }
        public float derivative(float x, float y, float p) { return p * (float) Math.pow(x, p - 1f); }
    },
    SIGMOID {                  // y = 1/(1 + e^−x), dy/dx = y(1 − y)
        public float apply(float x, float p) { return sigmoid(x); }
        public float derivative(float x, float y, float p) { return y * (1f - y); }
    },
    LOG_SIGMOID {              // y = min(x, 0) − log1p(e^−|x|): e^ never overflows. dy/dx = σ(−x)
        public float apply(float x, float p) { return Math.min(x, 0f) - (float) Math.log1p(Math.exp(-Math.abs(x))); }
        public float derivative(float x, float y, float p) { return sigmoid(-x); }
    },
    RELU {                     // y = max(x, 0), dy/dx = 1[x > 0] (0 at the kink, as PyTorch)
        public float apply(float x, float p) { return x > 0f ? x : 0f; }
        public float derivative(float x, float y, float p) { return x > 0f ? 1f : 0f; }
    },
    CLAMP_MIN {                // y = max(x, p) (the hinge), dy/dx = 1[x > p]
        public float apply(float x, float p) { return x > p ? x : p; }
        public float derivative(float x, float y, float p) { return x > p ? 1f : 0f; }
    },
    SCALE {                    // y = p·x
        public float apply(float x, float p) { return p * x; }
        public float derivative(float x, float y, float p) { return p; }
    },
    ADD_SCALAR {               // y = x + p
        public float apply(float x, float p) { return x + p; }
        public float derivative(float x, float y, float p) { return 1f; }
    };

    /** y = f(x; p). */
    public abstract float apply(float x, float p);

    /** dy/dx at x, given y = f(x; p). */
    public abstract float derivative(float x, float y, float p);

    /** σ(x) computed without overflow for either sign. */
    static float sigmoid(float x) {
        if (x >= 0f) return 1f / (1f + (float) Math.exp(-x));
        float e = (float) Math.exp(x);
        return e / (1f + e);
    }
}
