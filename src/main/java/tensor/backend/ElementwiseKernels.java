package tensor.backend;

import com.aparapi.Range;
import com.aparapi.opencl.OpenCL;
import com.aparapi.opencl.OpenCL.Arg;
import com.aparapi.opencl.OpenCL.GlobalReadOnly;
import com.aparapi.opencl.OpenCL.GlobalReadWrite;
import com.aparapi.opencl.OpenCL.GlobalWriteOnly;

/**
 * kernels/elementwise.cl; twins {@link Reference#unary}, {@link Reference#unaryBackward},
 * {@link Reference#binary}, {@link Reference#sumTo}, with {@code f} the {@link Unary} or
 * {@link Binary} ordinal. Bound by {@link OpenClKernels}.
 */
@OpenCL.Resource("kernels/elementwise.cl")
interface ElementwiseKernels {
    void unary(Range range, @Arg("f") int f, @Arg("p") float p, @GlobalReadOnly("x") float[] x,
               @GlobalWriteOnly("y") float[] y, @Arg("n") int n);

    void unaryBackward(Range range, @Arg("f") int f, @Arg("p") float p, @GlobalReadOnly("x") float[] x,
                       @GlobalReadOnly("y") float[] y, @GlobalReadOnly("dy") float[] dy,
                       @GlobalReadWrite("dx") float[] dx, @Arg("n") int n);

    void binary(Range range, @Arg("f") int f, @GlobalReadOnly("a") float[] a, @GlobalReadOnly("b") float[] b,
                @GlobalWriteOnly("out") float[] out, @Arg("n") int n, @Arg("rank") int rank,
                @GlobalReadOnly("outDims") int[] outDims, @GlobalReadOnly("aStrides") int[] aStrides,
                @GlobalReadOnly("bStrides") int[] bStrides);

    void sumTo(Range range, @GlobalReadOnly("x") float[] x, @GlobalReadWrite("out") float[] out, @Arg("nOut") int nOut,
               @Arg("rank") int rank, @GlobalReadOnly("xDims") int[] xDims, @GlobalReadOnly("xStrides") int[] xStrides,
               @GlobalReadOnly("outDims") int[] outDims);
}
