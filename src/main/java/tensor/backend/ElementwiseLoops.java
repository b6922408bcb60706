package tensor.backend;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The element-wise loops of {@link CpuBackend} over a range of elements, computing exactly what
 * {@link Reference} computes. One loop serving every function would call {@code f.apply}
 * through a call site that sees all the functions, which the JIT leaves as a virtual call per
 * element (no inlining, no vectorisation). So each method switches once per range to its own
 * copy of the loop whose function is a constant: the JIT inlines it there (and vectorises the
 * simple ones). The loops sit in the switching methods themselves, so these get hot, and
 * compiled, as soon as their loops do. The functions stay defined once, in {@link Unary} and
 * {@link Binary}.
 */
final class ElementwiseLoops {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private ElementwiseLoops() {}

    /** y[i] = f(x[i]; p) for i in [from, to). */
    static void unary(Unary f, float p, float[] x, float[] y, int from, int to) {
        switch (f) {
            case NEG -> { for (int i = from; i < to; i++) y[i] = Unary.NEG.apply(x[i], p); }
            case EXP -> { for (int i = from; i < to; i++) y[i] = Unary.EXP.apply(x[i], p); }
            case LOG -> { for (int i = from; i < to; i++) y[i] = Unary.LOG.apply(x[i], p); }
            case SQRT -> { for (int i = from; i < to; i++) y[i] = Unary.SQRT.apply(x[i], p); }
            case ABS -> { for (int i = from; i < to; i++) y[i] = Unary.ABS.apply(x[i], p); }
            case POW -> { for (int i = from; i < to; i++) y[i] = Unary.POW.apply(x[i], p); }
            case SIGMOID -> { for (int i = from; i < to; i++) y[i] = Unary.SIGMOID.apply(x[i], p); }
            case LOG_SIGMOID -> { for (int i = from; i < to; i++) y[i] = Unary.LOG_SIGMOID.apply(x[i], p); }
            case RELU -> reluVectors(x, y, from, to);
            case CLAMP_MIN -> { for (int i = from; i < to; i++) y[i] = Unary.CLAMP_MIN.apply(x[i], p); }
            case SCALE -> { for (int i = from; i < to; i++) y[i] = Unary.SCALE.apply(x[i], p); }
            case ADD_SCALAR -> { for (int i = from; i < to; i++) y[i] = Unary.ADD_SCALAR.apply(x[i], p); }
        }
    }

    /** dx[i] += dy[i] · f'(x[i]) (given y = f(x; p)) for i in [from, to). */
    static void unaryBackward(Unary f, float p, float[] x, float[] y, float[] dy, float[] dx, int from, int to) {
        switch (f) {
            case NEG -> { for (int i = from; i < to; i++) dx[i] += dy[i] * Unary.NEG.derivative(x[i], y[i], p); }
            case EXP -> { for (int i = from; i < to; i++) dx[i] += dy[i] * Unary.EXP.derivative(x[i], y[i], p); }
            case LOG -> { for (int i = from; i < to; i++) dx[i] += dy[i] * Unary.LOG.derivative(x[i], y[i], p); }
            case SQRT -> { for (int i = from; i < to; i++) dx[i] += dy[i] * Unary.SQRT.derivative(x[i], y[i], p); }
            case ABS -> { for (int i = from; i < to; i++) dx[i] += dy[i] * Unary.ABS.derivative(x[i], y[i], p); }
            case POW -> { for (int i = from; i < to; i++) dx[i] += dy[i] * Unary.POW.derivative(x[i], y[i], p); }
            case SIGMOID -> { for (int i = from; i < to; i++) dx[i] += dy[i] * Unary.SIGMOID.derivative(x[i], y[i], p); }
            case LOG_SIGMOID -> { for (int i = from; i < to; i++) dx[i] += dy[i] * Unary.LOG_SIGMOID.derivative(x[i], y[i], p); }
            case RELU -> reluBackwardVectors(x, dy, dx, from, to);
            case CLAMP_MIN -> { for (int i = from; i < to; i++) dx[i] += dy[i] * Unary.CLAMP_MIN.derivative(x[i], y[i], p); }
            case SCALE -> { for (int i = from; i < to; i++) dx[i] += dy[i] * Unary.SCALE.derivative(x[i], y[i], p); }
            case ADD_SCALAR -> { for (int i = from; i < to; i++) dx[i] += dy[i] * Unary.ADD_SCALAR.derivative(x[i], y[i], p); }
        }
    }

    /**
     * ReLU, the most frequent large element-wise op (every convolution net), with whole vectors:
     * y = x where x > 0, else 0 (so NaN → 0 and −0 → 0, as {@link Unary#RELU}); the elements past
     * the last whole vector by the scalar definition.
     */
    private static void reluVectors(float[] x, float[] y, int from, int to) {
        FloatVector zero = FloatVector.zero(SPECIES);
        int i = from;
        for (int bound = from + SPECIES.loopBound(to - from); i < bound; i += SPECIES.length()) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, i);
            zero.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, i);
        }
        for (; i < to; i++) y[i] = Unary.RELU.apply(x[i], 0f);
    }

    /** dx += dy · 1[x > 0] with whole vectors, the same float operations as {@link Unary#RELU}'s chain rule. */
    private static void reluBackwardVectors(float[] x, float[] dy, float[] dx, int from, int to) {
        FloatVector zero = FloatVector.zero(SPECIES), one = FloatVector.broadcast(SPECIES, 1f);
        int i = from;
        for (int bound = from + SPECIES.loopBound(to - from); i < bound; i += SPECIES.length()) {
            FloatVector slope = zero.blend(one, FloatVector.fromArray(SPECIES, x, i).compare(VectorOperators.GT, 0f));
            FloatVector.fromArray(SPECIES, dx, i).add(FloatVector.fromArray(SPECIES, dy, i).mul(slope)).intoArray(dx, i);
        }
        for (; i < to; i++) dx[i] += dy[i] * Unary.RELU.derivative(x[i], 0f, 0f);
    }

    /**
     * out[o + j] = f(a[ai + j·aStep], b[bi + j·bStep]) for j in [0, n): a row of a broadcasting
     * binary op, each operand contiguous (step 1) or one value (step 0) along it.
     */
    static void binaryRow(Binary f, float[] a, int ai, int aStep, float[] b, int bi, int bStep, float[] out, int o, int n) {
        if (aStep == 1 && bStep == 1) {
            switch (f) {
                case ADD -> { for (int j = 0; j < n; j++) out[o + j] = Binary.ADD.apply(a[ai + j], b[bi + j]); }
                case SUB -> { for (int j = 0; j < n; j++) out[o + j] = Binary.SUB.apply(a[ai + j], b[bi + j]); }
                case MUL -> { for (int j = 0; j < n; j++) out[o + j] = Binary.MUL.apply(a[ai + j], b[bi + j]); }
                case DIV -> { for (int j = 0; j < n; j++) out[o + j] = Binary.DIV.apply(a[ai + j], b[bi + j]); }
            }
        } else if (aStep == 1) {
            float bv = b[bi];
            switch (f) {
                case ADD -> { for (int j = 0; j < n; j++) out[o + j] = Binary.ADD.apply(a[ai + j], bv); }
                case SUB -> { for (int j = 0; j < n; j++) out[o + j] = Binary.SUB.apply(a[ai + j], bv); }
                case MUL -> { for (int j = 0; j < n; j++) out[o + j] = Binary.MUL.apply(a[ai + j], bv); }
                case DIV -> { for (int j = 0; j < n; j++) out[o + j] = Binary.DIV.apply(a[ai + j], bv); }
            }
        } else if (bStep == 1) {
            float av = a[ai];
            switch (f) {
                case ADD -> { for (int j = 0; j < n; j++) out[o + j] = Binary.ADD.apply(av, b[bi + j]); }
                case SUB -> { for (int j = 0; j < n; j++) out[o + j] = Binary.SUB.apply(av, b[bi + j]); }
                case MUL -> { for (int j = 0; j < n; j++) out[o + j] = Binary.MUL.apply(av, b[bi + j]); }
                case DIV -> { for (int j = 0; j < n; j++) out[o + j] = Binary.DIV.apply(av, b[bi + j]); }
            }
        } else {
            Arrays.fill(out, o, o + n, f.apply(a[ai], b[bi]));
        }
    }
}
