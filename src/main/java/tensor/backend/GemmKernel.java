package tensor.backend;

import com.aparapi.Range;
import com.aparapi.opencl.OpenCL;
import com.aparapi.opencl.OpenCL.Arg;
import com.aparapi.opencl.OpenCL.GlobalReadOnly;
import com.aparapi.opencl.OpenCL.GlobalReadWrite;

/** kernels/gemm.cl; twin {@link Reference#gemm}. Bound by {@link OpenClKernels}. */
@OpenCL.Resource("kernels/gemm.cl")
interface GemmKernel {
    /** The tile edge in gemm.cl (#define TILE): work-groups are TILE x TILE. */
    int TILE = 16;

    // c is read-write: it may be accumulated into, and only its [m, n] block at cOffset is written
    void gemm(Range range, @Arg("transA") int transA, @Arg("transB") int transB,
              @Arg("m") int m, @Arg("n") int n, @Arg("k") int k,
              @GlobalReadOnly("a") float[] a, @Arg("aOffset") int aOffset,
              @GlobalReadOnly("b") float[] b, @Arg("bOffset") int bOffset,
              @GlobalReadWrite("c") float[] c, @Arg("cOffset") int cOffset, @Arg("accumulate") int accumulate);
}
