package tensor.backend;

/**
 * The element-wise loops of {@link CpuBackend} over a range of elements, computing exactly what
 * {@link Reference} computes. One loop serving every function would call {@code f.apply}
 * through a call site that sees all the functions, which the JIT leaves as a virtual call per
 * element (no inlining, no vectorisation). So each method switches once per range to a copy of
 * the loop whose function is a constant: the JIT inlines it there (and vectorises the simple
 * ones). The functions themselves stay defined once, in {@link Unary} and {@link Binary}.
 */
final class ElementwiseLoops {
    private ElementwiseLoops() {}

    /** y[i] = f(x[i]; p) for i in [from, to). */
    static void unary(Unary f, float p, float[] x, float[] y, int from, int to) {
        switch (f) {
            case NEG -> map(Unary.NEG, p, x, y, from, to);
            case EXP -> map(Unary.EXP, p, x, y, from, to);
            case LOG -> map(Unary.LOG, p, x, y, from, to);
            case SQRT -> map(Unary.SQRT, p, x, y, from, to);
            case ABS -> map(Unary.ABS, p, x, y, from, to);
            case POW -> map(Unary.POW, p, x, y, from, to);
            case SIGMOID -> map(Unary.SIGMOID, p, x, y, from, to);
            case LOG_SIGMOID -> map(Unary.LOG_SIGMOID, p, x, y, from, to);
            case RELU -> map(Unary.RELU, p, x, y, from, to);
            case CLAMP_MIN -> map(Unary.CLAMP_MIN, p, x, y, from, to);
            case SCALE -> map(Unary.SCALE, p, x, y, from, to);
            case ADD_SCALAR -> map(Unary.ADD_SCALAR, p, x, y, from, to);
        }
    }

    /** dx[i] += dy[i] · f'(x[i]) (given y = f(x; p)) for i in [from, to). */
    static void unaryBackward(Unary f, float p, float[] x, float[] y, float[] dy, float[] dx, int from, int to) {
        switch (f) {
            case NEG -> chain(Unary.NEG, p, x, y, dy, dx, from, to);
            case EXP -> chain(Unary.EXP, p, x, y, dy, dx, from, to);
            case LOG -> chain(Unary.LOG, p, x, y, dy, dx, from, to);
            case SQRT -> chain(Unary.SQRT, p, x, y, dy, dx, from, to);
            case ABS -> chain(Unary.ABS, p, x, y, dy, dx, from, to);
            case POW -> chain(Unary.POW, p, x, y, dy, dx, from, to);
            case SIGMOID -> chain(Unary.SIGMOID, p, x, y, dy, dx, from, to);
            case LOG_SIGMOID -> chain(Unary.LOG_SIGMOID, p, x, y, dy, dx, from, to);
            case RELU -> chain(Unary.RELU, p, x, y, dy, dx, from, to);
            case CLAMP_MIN -> chain(Unary.CLAMP_MIN, p, x, y, dy, dx, from, to);
            case SCALE -> chain(Unary.SCALE, p, x, y, dy, dx, from, to);
            case ADD_SCALAR -> chain(Unary.ADD_SCALAR, p, x, y, dy, dx, from, to);
        }
    }

    /**
     * out[o + j] = f(a[ai + j·aStep], b[bi + j·bStep]) for j in [0, n): a row of a broadcasting
     * binary op, each operand contiguous (step 1) or one value (step 0) along it.
     */
    static void binaryRow(Binary f, float[] a, int ai, int aStep, float[] b, int bi, int bStep, float[] out, int o, int n) {
        switch (f) {
            case ADD -> row(Binary.ADD, a, ai, aStep, b, bi, bStep, out, o, n);
            case SUB -> row(Binary.SUB, a, ai, aStep, b, bi, bStep, out, o, n);
            case MUL -> row(Binary.MUL, a, ai, aStep, b, bi, bStep, out, o, n);
            case DIV -> row(Binary.DIV, a, ai, aStep, b, bi, bStep, out, o, n);
        }
    }

    private static void map(Unary f, float p, float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) y[i] = f.apply(x[i], p);
    }

    private static void chain(Unary f, float p, float[] x, float[] y, float[] dy, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) dx[i] += dy[i] * f.derivative(x[i], y[i], p);
    }

    private static void row(Binary f, float[] a, int ai, int aStep, float[] b, int bi, int bStep, float[] out, int o, int n) {
        if (aStep == 1 && bStep == 1) {
            for (int j = 0; j < n; j++) out[o + j] = f.apply(a[ai + j], b[bi + j]);
        } else if (aStep == 1) {
            float bv = b[bi];
            for (int j = 0; j < n; j++) out[o + j] = f.apply(a[ai + j], bv);
        } else if (bStep == 1) {
            float av = a[ai];
            for (int j = 0; j < n; j++) out[o + j] = f.apply(av, b[bi + j]);
        } else {
            float v = f.apply(a[ai], b[bi]);
            for (int j = 0; j < n; j++) out[o + j] = v;
        }
    }
}
