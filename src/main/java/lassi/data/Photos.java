package lassi.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import lassi.BadInput;

/**
 * Photo files of the face datasets (CelebA, FairFace): decoding to RGB [3, H, W] in [0, 1]
 * (spec §2.1 step 1) and size checks, each failure one line naming the file.
 */
final class Photos {
    private Photos() {}

    /** Decodes {@code file}, checks it is {@code width}×{@code height}, returns [3, H, W] floats v/255. */
    static float[] readChw(Path file, int width, int height, String dataset) {
        requireExists(file);
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new BadInput(file + ": cannot decode image (" + e.getMessage() + ")", e);
        }
        if (image == null) throw new BadInput(file + ": not a readable JPEG/PNG image");
        requireSize(file, image.getWidth(), image.getHeight(), width, height, dataset);
        int plane = width * height;
        float[] chw = new float[3 * plane];
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int p = 0; p < plane; p++) {
            chw[p] = ((argb[p] >> 16) & 0xFF) / 255f;
            chw[plane + p] = ((argb[p] >> 8) & 0xFF) / 255f;
            chw[2 * plane + p] = (argb[p] & 0xFF) / 255f;
        }
        return chw;
    }

    /** Checks the size recorded in the image header, without decoding the pixels. */
    static void checkHeader(Path file, int width, int height, String dataset) {
        requireExists(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new BadInput(file + ": cannot open image");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new BadInput(file + ": not a readable JPEG/PNG image");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                requireSize(file, reader.getWidth(0), reader.getHeight(0), width, height, dataset);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new BadInput(file + ": cannot read image header (" + e.getMessage() + ")", e);
        }
    }

    private static void requireExists(Path file) {
        if (!Files.isRegularFile(file)) throw new BadInput(file + ": image not found");
    }

    private static void requireSize(Path file, int w, int h, int width, int height, String dataset) {
        if (w != width || h != height)
            throw new BadInput(file + ": image is " + w + "x" + h + ", expected " + width + "x" + height + " (" + dataset + ")");
    }
}
