package tensor.io;

import java.io.IOException;
import java.util.Arrays;
import tensor.Shape;

/**
 * One storage of a {@code .pt} archive: the raw little-endian bytes of entry
 * {@code <archive>/data/<key>}, holding {@code numel} elements of one dtype. Several tensors may
 * view the same storage (a slice, a transpose, an expanded tensor); {@link #view} copies out the
 * elements a view selects, so every {@link PtTensor} is contiguous and owns its values.
 */
final class PtStorage {
    final PtTensor.Dtype dtype;
    private final byte[] bytes;                      // at least numel · itemSize bytes
    private final long numel;
    private final String where;                      // "storage 'archive/data/0' in FILE", for messages

    PtStorage(PtTensor.Dtype dtype, byte[] bytes, long numel, String where) {
        this.dtype = dtype;
        this.bytes = bytes;
        this.numel = numel;
        this.where = where;
    }

    /**
     * The tensor {@code torch._utils._rebuild_tensor_v2} would build: element {@code i} (a
     * multi-index) is storage element {@code offset + Σ_k i[k]·stride[k]}. Strides may be anything
     * non-negative, including 0 (expanded dimensions).
     */
    PtTensor view(long offset, long[] size, long[] stride) throws IOException {
        int rank = size.length;
        if (stride.length != rank)
            throw new IOException("tensor on " + where + " has size " + Arrays.toString(size) + " but stride " + Arrays.toString(stride));
        int[] dims = new int[rank];
        long count = 1, last = offset;               // last = storage index of the final element
        for (int k = 0; k < rank; k++) {
            if (size[k] < 0 || size[k] > Integer.MAX_VALUE || stride[k] < 0)
                throw new IOException("tensor on " + where + " has unsupported size " + Arrays.toString(size) + " / stride " + Arrays.toString(stride));
            dims[k] = (int) size[k];
            count *= size[k];
            last += (size[k] - 1) * stride[k];
        }
        if (count > Integer.MAX_VALUE / dtype.itemSize)
            throw new IOException("tensor of size " + Arrays.toString(size) + " on " + where + " is too large (over 2 GiB)");
        if (offset < 0 || (count > 0 && last >= numel))
            throw new IOException("tensor at offset " + offset + " with size " + Arrays.toString(size) + " and stride "
                    + Arrays.toString(stride) + " reaches past the " + numel + " elements of " + where);
        int item = dtype.itemSize;
        byte[] out = new byte[(int) count * item];
        if (count == 0) return new PtTensor(dtype, Shape.of(dims), out);
        if (isRowMajor(dims, stride)) {
            System.arraycopy(bytes, (int) offset * item, out, 0, out.length);
        } else {
            // Odometer over the multi-index, last axis fastest; src follows offset + Σ i[k]·stride[k].
            int[] index = new int[rank];
            long src = offset;
            for (int i = 0; i < count; i++) {
                System.arraycopy(bytes, (int) src * item, out, i * item, item);
                for (int k = rank - 1; k >= 0; k--) {
                    src += stride[k];
                    if (++index[k] < dims[k]) break;
                    src -= stride[k] * dims[k];
                    index[k] = 0;
                }
            }
        }
        return new PtTensor(dtype, Shape.of(dims), out);
    }

    /** Whether the view is plain row-major (size-1 dimensions may have any stride). */
    private static boolean isRowMajor(int[] dims, long[] stride) {
        long expected = 1;
        for (int k = dims.length - 1; k >= 0; k--) {
            if (dims[k] != 1 && stride[k] != expected) return false;
            expected *= dims[k];
        }
        return true;
    }
}
