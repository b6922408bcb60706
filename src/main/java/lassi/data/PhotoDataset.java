package lassi.data;

import java.nio.file.Path;
import java.util.List;
import tensor.Shape;
import tensor.Tensor;

/**
 * One split of a face dataset (CelebA, FairFace) as an {@link ImageDataset}: photo files of a
 * fixed release size, each decoded, resized (shorter side → S), center-cropped and quantised as in
 * spec §2.1 when read.
 */
final class PhotoDataset implements ImageDataset {
    private final String dataset;             // "CelebA img_align_celeba", for error messages
    private final List<Path> files;
    private final long[][] labels;            // [N, labelLength]
    private final int labelLength;
    private final int width, height;          // the release's photo size
    private final int size;                   // S

    PhotoDataset(String dataset, List<Path> files, long[][] labels, int labelLength, int width, int height, int size) {
        if (files.size() != labels.length)
            throw new IllegalArgumentException(files.size() + " files but " + labels.length + " label rows");
        if (size < 1 || size > Math.min(width, height))
            throw new IllegalArgumentException("image size must be in [1, " + Math.min(width, height) + "], got " + size);
        this.dataset = dataset;
        this.files = List.copyOf(files);
        this.labels = labels;
        this.labelLength = labelLength;
        this.width = width;
        this.height = height;
        this.size = size;
    }

    /** The photo file of item i. */
    Path file(int i) { return files.get(i); }

    @Override public int size() { return files.size(); }

    @Override public int imageSize() { return size; }

    @Override public int labelLength() { return labelLength; }

    @Override public Tensor batch(int[] indices) {
        int plane = 3 * size * size;
        float[] out = new float[indices.length * plane];
        for (int b = 0; b < indices.length; b++) {
            float[] chw = Photos.readChw(files.get(indices[b]), width, height, dataset);
            Preprocess.resizeCropQuantise(chw, height, width, size, out, b * plane);
        }
        return Tensor.of(Shape.of(indices.length, 3, size, size), out);
    }

    @Override public long[] labels(int i) { return labels[i].clone(); }
}
