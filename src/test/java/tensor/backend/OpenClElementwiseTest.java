package tensor.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static tensor.backend.OpenClTesting.assertClose;
import static tensor.backend.OpenClTesting.gaussian;
import static tensor.backend.OpenClTesting.onDevice;

import org.junit.jupiter.api.Test;
import tensor.Shape;
import tensor.random.Rng;

/**
 * kernels/elementwise.cl against its twins: the Unary and Binary enums through Reference.unary,
 * unaryBackward, binary and sumTo; and the broadcasting twins against hand-computed cases.
 */
class OpenClElementwiseTest {
    // OpenCL's exp, log, log1p and sqrt are within 4 ulp and pow within 16 ulp (OpenCL 1.2 §7.4),
    // division within 2.5 ulp; Java rounds the double result once. rtol 1e-5 is ~80 ulp of float;
    // atol 1e-6 covers results that cancel to near 0 (log near 1, log σ far right).
    private static final double ATOL = 1e-6, RTOL = 1e-5;

    // sizes: 1, odd, one below / at / above the 64-item work-group, several groups plus a remainder
    private static final int[] SIZES = {1, 7, 63, 64, 65, 1000};

    @Test void everyUnaryFunctionAndDerivativeMatchesTheEnum() {
        OpenClBackend cl = OpenClTesting.backend();
        Rng rng = new Rng(31);
        for (Unary f : Unary.values())
            for (int n : SIZES) {
                float p = parameter(f);
                float[] x = input(f, rng, n), y = new float[n], expectedY = new float[n];
                Reference.unary(f, p, x, expectedY);
                onDevice(f + " forward", () -> cl.unary(f, p, x, y));
                assertClose(f + " y (n=" + n + ")", expectedY, y, ATOL, RTOL);

                float[] dy = gaussian(rng, n, 1), dx = gaussian(rng, n, 1), expectedDx = dx.clone();   // dx accumulates
                Reference.unaryBackward(f, p, x, expectedY, dy, expectedDx);
                onDevice(f + " backward", () -> cl.unaryBackward(f, p, x, expectedY, dy, dx));
                assertClose(f + " dx (n=" + n + ")", expectedDx, dx, ATOL, RTOL);
            }
    }

    @Test void powOfNegativeBaseWithIntegerExponent() {
        OpenClBackend cl = OpenClTesting.backend();
        float[] x = {-2f, -0.5f, 0f, 1.5f, -3f}, y = new float[5], expected = new float[5];
        Reference.unary(Unary.POW, 3f, x, expected);
        onDevice("pow", () -> cl.unary(Unary.POW, 3f, x, y));
        assertClose("x^3", expected, y, ATOL, RTOL);
    }

    @Test void unaryMayWriteInPlace() {
        OpenClBackend cl = OpenClTesting.backend();
        float[] x = {1f, -2f, 3f};
        onDevice("in-place neg", () -> cl.unary(Unary.NEG, 0f, x, x));
        assertThat(x).containsExactly(-1f, 2f, -3f);
    }

    // (a shape, b shape): equal shapes, trailing and leading broadcasts, both sides broadcasting,
    // scalars (rank 0) on either side, a [1] against a vector, an odd size past one work-group
    private static final Shape[][] BROADCASTS = {
        {Shape.of(5), Shape.of(5)}, {Shape.of(2, 3, 4), Shape.of(3, 1)}, {Shape.of(4, 1), Shape.of(1, 5)},
        {Shape.scalar(), Shape.of(7)}, {Shape.of(2, 3, 4), Shape.scalar()}, {Shape.of(1), Shape.of(6)},
        {Shape.of(3, 1, 5), Shape.of(1, 4, 1)}, {Shape.of(67), Shape.of(67)}, {Shape.scalar(), Shape.scalar()},
    };

    @Test void everyBinaryFunctionBroadcastsAsTheReference() {
        OpenClBackend cl = OpenClTesting.backend();
        Rng rng = new Rng(32);
        for (Binary f : Binary.values())
            for (Shape[] pair : BROADCASTS) {
                Shape aShape = pair[0], bShape = pair[1], outShape = Shape.broadcast(aShape, bShape);
                float[] a = gaussian(rng, aShape.size(), 1), b = gaussian(rng, bShape.size(), 1);
                if (f == Binary.DIV) for (int i = 0; i < b.length; i++) b[i] = 0.5f + Math.abs(b[i]);   // away from 0
                float[] expected = new float[outShape.size()], out = new float[outShape.size()];
                Reference.binary(f, a, aShape, b, bShape, expected, outShape);
                String what = f + " " + aShape + " with " + bShape;
                onDevice(what, () -> cl.binary(f, a, aShape, b, bShape, out, outShape));
                assertClose(what, expected, out, ATOL, RTOL);
            }
    }

    // (x shape, out shape): sums over leading, middle, trailing and all axes, to a scalar, to
    // itself, and with more items than one work-group
    private static final Shape[][] REDUCTIONS = {
        {Shape.of(2, 3, 4), Shape.of(3, 1)}, {Shape.of(2, 3, 4), Shape.scalar()}, {Shape.of(2, 3, 4), Shape.of(4)},
        {Shape.of(2, 3, 4), Shape.of(2, 1, 4)}, {Shape.of(5, 7), Shape.of(5, 7)}, {Shape.of(3, 1, 5), Shape.of(1, 1, 5)},
        {Shape.of(67, 3), Shape.of(1, 3)}, {Shape.of(1), Shape.scalar()}, {Shape.of(130, 2), Shape.of(130, 1)},
    };

    @Test void sumToMatchesTheReference() {
        OpenClBackend cl = OpenClTesting.backend();
        Rng rng = new Rng(33);
        for (Shape[] pair : REDUCTIONS) {
            Shape xShape = pair[0], outShape = pair[1];
            float[] x = gaussian(rng, xShape.size(), 1), out = gaussian(rng, outShape.size(), 1), expected = out.clone();
            Reference.sumTo(x, xShape, expected, outShape);
            String what = "sumTo " + xShape + " -> " + outShape;
            onDevice(what, () -> cl.sumTo(x, xShape, out, outShape));
            assertClose(what, expected, out, ATOL, RTOL);
        }
    }

    @Test void referenceBroadcastsByHand() {
        float[] out = new float[6];                                        // [2, 1] + [1, 3] -> [2, 3]
        Reference.binary(Binary.ADD, new float[] {1, 2}, Shape.of(2, 1), new float[] {10, 20, 30}, Shape.of(1, 3), out, Shape.of(2, 3));
        assertThat(out).containsExactly(11, 21, 31, 12, 22, 32);
        float[] scaled = new float[3];                                     // [3] / scalar
        Reference.binary(Binary.DIV, new float[] {2, 4, 6}, Shape.of(3), new float[] {2}, Shape.scalar(), scaled, Shape.of(3));
        assertThat(scaled).containsExactly(1, 2, 3);
    }

    @Test void referenceSumsToByHand() {
        float[] x = {1, 2, 3, 4, 5, 6};                                    // [[1, 2, 3], [4, 5, 6]]
        float[] columns = {1, 1, 1};                                       // accumulated into
        Reference.sumTo(x, Shape.of(2, 3), columns, Shape.of(3));
        assertThat(columns).containsExactly(6, 8, 10);
        float[] rows = new float[2];
        Reference.sumTo(x, Shape.of(2, 3), rows, Shape.of(2, 1));
        assertThat(rows).containsExactly(6, 15);
        float[] total = new float[1];
        Reference.sumTo(x, Shape.of(2, 3), total, Shape.scalar());
        assertThat(total).containsExactly(21);
    }

    /** The scalar parameter p each function is tested with (ignored by those without one). */
    private static float parameter(Unary f) {
        return switch (f) {
            case POW -> 2.5f;
            case CLAMP_MIN -> 0.3f;
            case SCALE -> -1.7f;
            case ADD_SCALAR -> 0.25f;
            default -> 0f;
        };
    }

    /**
     * Inputs inside each function's domain: positive for log, sqrt and the fractional power;
     * otherwise N(0, 3²) with every fifth element exactly at the kink (0, or p for CLAMP_MIN), so
     * the subgradient conventions (sign(0) = 0, 1[x > p]) are compared too.
     */
    private static float[] input(Unary f, Rng rng, int n) {
        float[] x = gaussian(rng, n, 3);
        for (int i = 0; i < n; i++) {
            if (f == Unary.LOG || f == Unary.SQRT || f == Unary.POW) x[i] = 0.1f + Math.abs(x[i]);
            else if (i % 5 == 0) x[i] = f == Unary.CLAMP_MIN ? parameter(f) : 0f;
        }
        return x;
    }
}
