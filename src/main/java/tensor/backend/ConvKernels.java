package tensor.backend;

import com.aparapi.Range;
import com.aparapi.opencl.OpenCL;
import com.aparapi.opencl.OpenCL.Arg;
import com.aparapi.opencl.OpenCL.GlobalReadOnly;
import com.aparapi.opencl.OpenCL.GlobalReadWrite;
import com.aparapi.opencl.OpenCL.GlobalWriteOnly;

/**
 * kernels/conv.cl; twins {@link Reference#conv2dForward}, {@link Reference#conv2dBackwardInput},
 * {@link Reference#conv2dBackwardWeight}. The geometry is {@link ConvGeometry}'s fields plus
 * hOut and wOut. Bound by {@link OpenClKernels}.
 */
@OpenCL.Resource("kernels/conv.cl")
interface ConvKernels {
    void conv2dForward(Range range, @Arg("n") int n, @Arg("cIn") int cIn, @Arg("height") int h, @Arg("width") int w,
                       @Arg("cOut") int cOut, @Arg("kh") int kh, @Arg("kw") int kw, @Arg("stride") int stride, @Arg("pad") int pad,
                       @Arg("ho") int hOut, @Arg("wo") int wOut,
                       @GlobalReadOnly("x") float[] x, @GlobalReadOnly("weight") float[] weight,
                       @GlobalReadOnly("bias") float[] bias, @Arg("hasBias") int hasBias, @GlobalWriteOnly("y") float[] y);

    void conv2dBackwardInput(Range range, @Arg("n") int n, @Arg("cIn") int cIn, @Arg("height") int h, @Arg("width") int w,
                             @Arg("cOut") int cOut, @Arg("kh") int kh, @Arg("kw") int kw, @Arg("stride") int stride, @Arg("pad") int pad,
                             @Arg("ho") int hOut, @Arg("wo") int wOut,
                             @GlobalReadOnly("dy") float[] dy, @GlobalReadOnly("weight") float[] weight, @GlobalReadWrite("dx") float[] dx);

    void conv2dBackwardWeight(Range range, @Arg("n") int n, @Arg("cIn") int cIn, @Arg("height") int h, @Arg("width") int w,
                              @Arg("cOut") int cOut, @Arg("kh") int kh, @Arg("kw") int kw, @Arg("stride") int stride, @Arg("pad") int pad,
                              @Arg("ho") int hOut, @Arg("wo") int wOut,
                              @GlobalReadOnly("x") float[] x, @GlobalReadOnly("dy") float[] dy, @GlobalReadWrite("dw") float[] dw);

    void conv2dBackwardBias(Range range, @Arg("n") int n, @Arg("cOut") int cOut, @Arg("ho") int hOut, @Arg("wo") int wOut,
                            @GlobalReadOnly("dy") float[] dy, @GlobalReadWrite("dBias") float[] dBias);
}
