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
     * x index, i.e. over the summed runs in lexicographic order, as the reference does. Where
     * the innermost run is summed, each output is one chain of dependent additions, so four
     * outputs are summed side by side (each in its own order) to overlap their chains.
     */
    static void sumTo(Parallel parallel, float[] x, Shape xShape, float[] out, Shape outShape) {
        if (x.length == 0) return;
        SumRuns plan = new SumRuns(xShape, outShape);
        if (plan.runs == 0) {
            out[0] += x[0];
            return;
        }
        int inner = plan.innerKept ? plan.size[plan.runs - 1] : 1, chunks = (inner + CHUNK - 1) / CHUNK;
        int summedPerOutput = x.length / out.length;
        int minItems = (int) Math.max(1, MIN_WORK_PER_TASK / ((long) summedPerOutput * Math.min(inner, CHUNK)));
        parallel.forRange(out.length / inner * chunks, minItems, (from, to) -> {
            if (plan.innerKept) {
                for (int item = from; item < to; item++) {
                    int row = item / chunks, j0 = item % chunks * CHUNK, j1 = Math.min(inner, j0 + CHUNK);
                    int xBase = plan.xBase(row), oBase = plan.oBase(row);
                    for (int combo = 0; combo < plan.combos; combo++)
                        for (int j = j0, xOff = xBase + plan.comboOffset(combo); j < j1; j++) out[oBase + j] += x[xOff + j];
                }
                return;
            }
            int n = plan.size[plan.runs - 1], item = from;
            for (; item + 4 <= to; item += 4) {
                int x0 = plan.xBase(item), x1 = plan.xBase(item + 1), x2 = plan.xBase(item + 2), x3 = plan.xBase(item + 3);
                int o0 = plan.oBase(item), o1 = plan.oBase(item + 1), o2 = plan.oBase(item + 2), o3 = plan.oBase(item + 3);
                float a0 = out[o0], a1 = out[o1], a2 = out[o2], a3 = out[o3];
                for (int combo = 0; combo < plan.combos; combo++) {
                    int off = plan.comboOffset(combo);
                    for (int t = off; t < off + n; t++) {
                        a0 += x[x0 + t];
                        a1 += x[x1 + t];
                        a2 += x[x2 + t];
                        a3 += x[x3 + t];
                    }
                }
                out[o0] = a0;
                out[o1] = a1;
                out[o2] = a2;
                out[o3] = a3;
            }
            for (; item < to; item++) {
                int xBase = plan.xBase(item), oBase = plan.oBase(item);
                float acc = out[oBase];
                for (int combo = 0; combo < plan.combos; combo++)
                    for (int t = 0, xOff = xBase + plan.comboOffset(combo); t < n; t++) acc += x[xOff + t];
                out[oBase] = acc;
            }
        });
    }

    /**
     * The runs of adjacent kept or summed axes of a sumTo (size-1 axes dropped), each stepping
     * like its innermost axis. An output row (the kept runs, less a trailing kept run) starts at
     * {@link #xBase} in x and {@link #oBase} in out; its inputs are the {@link #combos}
     * combinations of the summed runs other than a trailing one, in lexicographic order, at
     * {@link #comboOffset}, then (when the trailing run is summed) its contiguous elements.
     */
    private static final class SumRuns {
        final int[] size, xStride, oStride;
        final boolean[] kept;
        final int runs;
        final boolean innerKept;
        final int combos, lastOdometerRun;

        SumRuns(Shape xShape, Shape outShape) {
            int[] outStrides = Reference.broadcastStrides(outShape, xShape), dims = xShape.dims(), xStrides = xShape.strides();
            size = new int[dims.length];
            xStride = new int[dims.length];
            oStride = new int[dims.length];
            kept = new boolean[dims.length];
            int r = 0;
            for (int d = 0; d < dims.length; d++) {
                if (dims[d] == 1) continue;
                boolean k = outStrides[d] != 0;
                if (r == 0 || kept[r - 1] != k) {
                    kept[r] = k;
                    size[r++] = 1;
                }
                size[r - 1] *= dims[d];                 // adjacent axes of a run are contiguous:
                xStride[r - 1] = xStrides[d];           // the run steps like its innermost axis
                oStride[r - 1] = outStrides[d];
            }
            runs = r;
            innerKept = r > 0 && kept[r - 1];
            lastOdometerRun = innerKept ? r - 1 : r - 2;
            int c = 1;
            for (int q = 0; q <= lastOdometerRun; q++) if (!kept[q]) c *= size[q];
            combos = c;
        }

        int xBase(int row) {
            return base(row, xStride);
        }

        int oBase(int row) {
            return base(row, oStride);
        }

        /** The offset of output row {@code row} (its coordinates in the kept runs) with the given strides. */
        private int base(int row, int[] stride) {
            int rem = row, at = 0;
            for (int q = innerKept ? runs - 2 : runs - 1; q >= 0; q--) {
                if (!kept[q]) continue;
                at += rem % size[q] * stride[q];
                rem /= size[q];
            }
            return at;
        }

        int comboOffset(int combo) {
            int rem = combo, at = 0;
            for (int q = lastOdometerRun; q >= 0; q--) {
                if (kept[q]) continue;
                at += rem % size[q] * xStride[q];
                rem /= size[q];
            }
            return at;
        }
    }
}
