package tensor.backend;

import java.util.Arrays;
import tensor.Shape;

/**
 * The broadcasting loops of {@link CpuBackend}, split over threads: {@link Reference#binary}
 * and {@link Reference#sumTo} computed element for element in the same order, so the results
 * are bit-for-bit those of the reference whatever the thread count. Same-shape operands are the
 * special case of one merged axis.
 */
final class Broadcasting {
    /** Elements per task below which a loop stays on one thread. */
    private static final int MIN_WORK_PER_TASK = 1 << 15;
    /** sumTo splits a contiguous run of kept outputs into chunks of this many elements. */
    private static final int CHUNK = 512;

    private Broadcasting() {}

    /**
     * out = f(a, b) with NumPy broadcasting. The axes are first merged where both operands step
     * through them as through one axis (so [N, C, H, W] with a per-channel [1, C, 1, 1] becomes
     * [N, C, H·W]); then the rows of the last merged axis, along which each operand is contiguous
     * or one value, are split over the threads.
     */
    static void binary(Parallel parallel, Binary f, float[] a, Shape aShape, float[] b, Shape bShape,
                       float[] out, Shape outShape) {
        if (out.length == 0) return;
        int[][] merged = merge(outShape.dims(), Reference.broadcastStrides(aShape, outShape), Reference.broadcastStrides(bShape, outShape));
        int[] dims = merged[0], aStrides = merged[1], bStrides = merged[2];
        int last = dims.length - 1, inner = last < 0 ? 1 : dims[last];
        int aStep = last < 0 ? 0 : aStrides[last], bStep = last < 0 ? 0 : bStrides[last];
        parallel.forRange(out.length / inner, Math.max(1, MIN_WORK_PER_TASK / inner), (from, to) -> {
            for (int row = from; row < to; row++) {
                int rem = row, ai = 0, bi = 0;
                for (int d = last - 1; d >= 0; d--) {
                    int coord = rem % dims[d];
                    rem /= dims[d];
                    ai += coord * aStrides[d];
                    bi += coord * bStrides[d];
                }
                ElementwiseLoops.binaryRow(f, a, ai, aStep, b, bi, bStep, out, row * inner, inner);
            }
        });
    }

    /**
     * {dims, aStrides, bStrides} without size-1 axes and with axis d merged into the next one
     * wherever stride[d] = stride[d + 1]·dims[d + 1] for both operands (contiguous or broadcast
     * alike across the two).
     */
    static int[][] merge(int[] dims, int[] aStrides, int[] bStrides) {
        int[] md = new int[dims.length], ma = new int[dims.length], mb = new int[dims.length];
        int r = 0;
        for (int d = 0; d < dims.length; d++) {
            if (dims[d] == 1) continue;
            if (r > 0 && ma[r - 1] == aStrides[d] * dims[d] && mb[r - 1] == bStrides[d] * dims[d]) {
                md[r - 1] *= dims[d];
                ma[r - 1] = aStrides[d];
                mb[r - 1] = bStrides[d];
            } else {
                md[r] = dims[d];
                ma[r] = aStrides[d];
                mb[r++] = bStrides[d];
            }
        }
        return new int[][] {Arrays.copyOf(md, r), Arrays.copyOf(ma, r), Arrays.copyOf(mb, r)};
    }

    /**
     * out += x summed down to outShape. The axes of x (size-1 axes dropped) are grouped into
     * runs of adjacent kept or summed axes; each output element adds its inputs in increasing
     * x index, i.e. over the summed runs in lexicographic order, as the reference does.
     */
    static void sumTo(Parallel parallel, float[] x, Shape xShape, float[] out, Shape outShape) {
        int[] outStrides = Reference.broadcastStrides(outShape, xShape), dims = xShape.dims(), xStrides = xShape.strides();
        if (x.length == 0) return;
        int[] size = new int[dims.length], xStride = new int[dims.length], oStride = new int[dims.length];
        boolean[] kept = new boolean[dims.length];
        int runs = 0;
        for (int d = 0; d < dims.length; d++) {
            if (dims[d] == 1) continue;
            boolean k = outStrides[d] != 0;
            if (runs == 0 || kept[runs - 1] != k) {
                kept[runs] = k;
                size[runs++] = 1;
            }
            size[runs - 1] *= dims[d];                 // adjacent axes of a run are contiguous:
            xStride[runs - 1] = xStrides[d];           // the run steps like its innermost axis
            oStride[runs - 1] = outStrides[d];
        }
        if (runs == 0) {
            out[0] += x[0];
            return;
        }
        int nRuns = runs;
        boolean innerKept = kept[runs - 1];
        int inner = innerKept ? size[runs - 1] : 1, chunks = (inner + CHUNK - 1) / CHUNK;
        int summedPerOutput = x.length / out.length;
        int minItems = (int) Math.max(1, MIN_WORK_PER_TASK / ((long) summedPerOutput * Math.min(inner, CHUNK)));
        parallel.forRange(out.length / inner * chunks, minItems, (from, to) -> {
            for (int item = from; item < to; item++) {
                int rem = item / chunks, j0 = item % chunks * CHUNK, j1 = Math.min(inner, j0 + CHUNK);
                int xBase = 0, oBase = 0;
                for (int r = innerKept ? nRuns - 2 : nRuns - 1; r >= 0; r--) {      // kept runs: this output row
                    if (!kept[r]) continue;
                    int coord = rem % size[r];
                    rem /= size[r];
                    xBase += coord * xStride[r];
                    oBase += coord * oStride[r];
                }
                // Summed runs other than a trailing one, in lexicographic order; a trailing summed
                // run is contiguous (stride 1) and is summed by the innermost loop.
                int lastOdometerRun = innerKept ? nRuns - 1 : nRuns - 2, combos = 1;
                for (int r = 0; r <= lastOdometerRun; r++) if (!kept[r]) combos *= size[r];
                float acc = innerKept ? 0f : out[oBase];
                for (int combo = 0; combo < combos; combo++) {
                    int crem = combo, xOff = xBase;
                    for (int r = lastOdometerRun; r >= 0; r--) {
                        if (kept[r]) continue;
                        xOff += crem % size[r] * xStride[r];
                        crem /= size[r];
                    }
                    if (innerKept) {
                        for (int j = j0; j < j1; j++) out[oBase + j] += x[xOff + j];
                    } else {
                        for (int t = 0, n = size[nRuns - 1]; t < n; t++) acc += x[xOff + t];
                    }
                }
                if (!innerKept) out[oBase] = acc;
            }
        });
    }
}
