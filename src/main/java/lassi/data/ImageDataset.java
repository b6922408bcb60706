package lassi.data;

import tensor.Tensor;

/**
 * A dataset of preprocessed images (spec §2.1) with integer label vectors: one split of CelebA,
 * FairFace or 3dshapes. Item i is an image tensor [3, S, S] with values on the 5-bit grid in
 * [−0.5, 0.5) and a label vector (40 attributes, (age, race), or the six 3dshapes factor codes).
 * Implementations are safe to read from several threads.
 */
public interface ImageDataset {
    /** Number of items. */
    int size();

    /** The image side S. */
    int imageSize();

    /** Length of every label vector. */
    int labelLength();

    /** The preprocessed images of the items {@code indices}, in that order. */
    Tensor batch(int[] indices);                          // [B, 3, S, S]

    /** The label vector of item {@code i}. */
    long[] labels(int i);

    /** The preprocessed image of item {@code i}. */
    default Tensor image(int i) {                          // [1, 3, S, S]
        return batch(new int[] {i});
    }
}
