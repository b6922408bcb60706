package tensor.backend;

import com.aparapi.Range;
import com.aparapi.device.OpenCLDevice;
import java.util.concurrent.atomic.AtomicLong;
import tensor.Shape;

/**
 * The OpenCL backend: every method is one (or two) launches of a hand-written kernel from
 * {@code kernels/*.cl} on one OpenCL device, through Aparapi. Each kernel's plain-Java twin is the
 * {@link Reference} method of the same name. Arrays are copied to the device and back on every
 * call (no device-resident tensors yet). There is no Java fallback: a kernel that cannot be built
 * or launched throws, and {@link #launches()} counts the launches that completed on the device.
 */
public final class OpenClBackend implements Backend {
    /** Work-group size of the 1-D launches: a multiple of the common SIMD widths (32, 64). */
    private static final int LOCAL_1D = 64;

    private final OpenClDevices.Entry entry;
    private final OpenCLDevice device;
    private final AtomicLong launches = new AtomicLong();
    private final GemmKernel gemm;
    private final ConvKernels conv;
    private final ElementwiseKernels elementwise;

    /** Compiles the kernels for {@code entry}'s device (the first time in a JVM costs ~1 s on PoCL). */
    public OpenClBackend(OpenClDevices.Entry entry) {
        this.entry = entry;
        this.device = entry.device();
        if (device.getMaxWorkGroupSize() < GemmKernel.TILE * GemmKernel.TILE)
            throw new IllegalArgumentException("OpenCL device " + device.getName() + " allows work-groups of "
                    + device.getMaxWorkGroupSize() + " items; the gemm kernel needs " + GemmKernel.TILE * GemmKernel.TILE);
        this.gemm = OpenClKernels.bind(device, GemmKernel.class, launches);
        this.conv = OpenClKernels.bind(device, ConvKernels.class, launches);
        this.elementwise = OpenClKernels.bind(device, ElementwiseKernels.class, launches);
    }

    @Override public Device device() { return Device.OPENCL; }

    @Override public String describe() { return "opencl: " + entry.describe(); }

    /** Kernel launches that completed on the device so far. */
    public long launches() { return launches.get(); }

    @Override public void gemm(boolean transA, boolean transB, int m, int n, int k,
                               float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, boolean accumulate) {
        requireRange("gemm A", a, aOffset, (long) m * k);
        requireRange("gemm B", b, bOffset, (long) k * n);
        requireRange("gemm C", c, cOffset, (long) m * n);
        if (m == 0 || n == 0) return;
        int t = GemmKernel.TILE;
        Range range = Range.create2D(device, roundUp(n, t), roundUp(m, t), t, t);    // dim 0: columns j, dim 1: rows i
        gemm.gemm(range, flag(transA), flag(transB), m, n, k, a, aOffset, b, bOffset, c, cOffset, flag(accumulate));
    }

    @Override public void conv2dForward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        requireLength("conv2d x", x, g.inputSize());
        requireLength("conv2d weight", w, g.weightSize());
        if (bias != null) requireLength("conv2d bias", bias, g.cOut());
        requireLength("conv2d y", y, g.outputSize());
        conv.conv2dForward(range1D(g.outputSize()), g.n(), g.cIn(), g.h(), g.w(), g.cOut(), g.kh(), g.kw(), g.stride(), g.pad(),
                g.hOut(), g.wOut(), x, w, bias == null ? new float[0] : bias, flag(bias != null), y);
    }

    @Override public void conv2dBackwardInput(ConvGeometry g, float[] dy, float[] w, float[] dx) {
        requireLength("conv2d dy", dy, g.outputSize());
        requireLength("conv2d weight", w, g.weightSize());
        requireLength("conv2d dx", dx, g.inputSize());
        conv.conv2dBackwardInput(range1D(g.inputSize()), g.n(), g.cIn(), g.h(), g.w(), g.cOut(), g.kh(), g.kw(), g.stride(), g.pad(),
                g.hOut(), g.wOut(), dy, w, dx);
    }

    @Override public void conv2dBackwardWeight(ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dBias) {
        requireLength("conv2d x", x, g.inputSize());
        requireLength("conv2d dy", dy, g.outputSize());
        requireLength("conv2d dw", dw, g.weightSize());
        conv.conv2dBackwardWeight(range1D(g.weightSize()), g.n(), g.cIn(), g.h(), g.w(), g.cOut(), g.kh(), g.kw(), g.stride(), g.pad(),
                g.hOut(), g.wOut(), x, dy, dw);
        if (dBias != null) {
            requireLength("conv2d dBias", dBias, g.cOut());
            conv.conv2dBackwardBias(range1D(g.cOut()), g.n(), g.cOut(), g.hOut(), g.wOut(), dy, dBias);
        }
    }

    @Override public void unary(Unary f, float p, float[] x, float[] y) {
        requireLength("unary " + f + " y", y, x.length);
        if (x.length == 0) return;
        elementwise.unary(range1D(x.length), f.ordinal(), p, x, y, x.length);
    }

    @Override public void unaryBackward(Unary f, float p, float[] x, float[] y, float[] dy, float[] dx) {
        requireLength("unaryBackward " + f + " x", x, dx.length);
        requireLength("unaryBackward " + f + " y", y, dx.length);
        requireLength("unaryBackward " + f + " dy", dy, dx.length);
        if (dx.length == 0) return;
        elementwise.unaryBackward(range1D(dx.length), f.ordinal(), p, x, y, dy, dx, dx.length);
    }

    @Override public void binary(Binary f, float[] a, Shape aShape, float[] b, Shape bShape, float[] out, Shape outShape) {
        requireLength("binary " + f + " a", a, aShape.size());
        requireLength("binary " + f + " b", b, bShape.size());
        requireLength("binary " + f + " out", out, outShape.size());
        int[] aStrides = Reference.broadcastStrides(aShape, outShape), bStrides = Reference.broadcastStrides(bShape, outShape);
        if (out.length == 0) return;
        elementwise.binary(range1D(out.length), f.ordinal(), a, b, out, out.length, outShape.rank(), outShape.dims(), aStrides, bStrides);
    }

    @Override public void sumTo(float[] x, Shape xShape, float[] out, Shape outShape) {
        requireLength("sumTo x", x, xShape.size());
        requireLength("sumTo out", out, outShape.size());
        Reference.broadcastStrides(outShape, xShape);                // throws when outShape does not broadcast to xShape
        if (out.length == 0 || x.length == 0) return;
        int rank = xShape.rank(), missing = rank - outShape.rank();
        int[] outDims = new int[rank];                               // outShape aligned to xShape's rank
        for (int d = 0; d < rank; d++) outDims[d] = d < missing ? 1 : outShape.dim(d - missing);
        elementwise.sumTo(range1D(out.length), x, out, out.length, rank, xShape.dims(), xShape.strides(), outDims);
    }

    /** A 1-D launch over {@code items} work-items in groups of {@link #LOCAL_1D}; the kernels skip the padding. */
    private Range range1D(int items) {
        return Range.create(device, roundUp(items, LOCAL_1D), LOCAL_1D);
    }

    private static int roundUp(int n, int multiple) {
        long r = ((long) n + multiple - 1) / multiple * multiple;
        if (r > Integer.MAX_VALUE) throw new IllegalArgumentException(n + " work-items are more than one OpenCL launch takes");
        return (int) r;
    }

    private static int flag(boolean b) { return b ? 1 : 0; }

    private static void requireLength(String what, float[] array, int expected) {
        if (array.length != expected)
            throw new IllegalArgumentException(what + ": array has " + array.length + " elements, expected " + expected);
    }

    private static void requireRange(String what, float[] array, int offset, long count) {
        if (offset < 0 || offset + count > array.length)
            throw new IllegalArgumentException(what + ": " + count + " elements at offset " + offset + " exceed the array's " + array.length);
    }
}
