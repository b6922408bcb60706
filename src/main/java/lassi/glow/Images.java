package lassi.glow;

import tensor.Tensor;

/** Batches cut from an in-memory image tensor [N, 3, S, S] (plain copies, no gradient). */
final class Images {
    private Images() {}

    /** Images from, from + 1, …, from + size − 1. */
    static Tensor slice(Tensor images, int from, int size) {
        int per = images.size() / images.dim(0);
        float[] out = new float[size * per];
        System.arraycopy(images.data(), from * per, out, 0, out.length);
        return Tensor.of(images.shape().with(0, size), out);
    }

    /** Images index[from], …, index[from + size − 1]. */
    static Tensor gather(Tensor images, int[] index, int from, int size) {
        int per = images.size() / images.dim(0);
        float[] out = new float[size * per];
        for (int i = 0; i < size; i++) System.arraycopy(images.data(), index[from + i] * per, out, i * per, per);
        return Tensor.of(images.shape().with(0, size), out);
    }
}
