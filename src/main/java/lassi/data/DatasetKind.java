package lassi.data;

import java.nio.file.Files;
import java.nio.file.Path;
import lassi.BadInput;

/**
 * The image datasets lassi reads, recognised from a path: a 3dshapes HDF5 file (or a folder
 * holding {@code 3dshapes.h5}), a CelebA folder, a FairFace folder.
 */
public enum DatasetKind {
    SHAPES3D, CELEBA, FAIRFACE;

    /** The kind of dataset at {@code path}; one line naming the path if it is none of them. */
    public static DatasetKind of(Path path) {
        if (Files.isRegularFile(path)) return SHAPES3D;
        if (!Files.isDirectory(path)) throw new BadInput(path + ": not found");
        if (Files.exists(path.resolve(Shapes3dGenerator.IMAGES_FILE))) return SHAPES3D;
        if (Files.exists(path.resolve(Celeba.ATTRIBUTE_FILE))) return CELEBA;
        if (Files.exists(path.resolve(FairFace.TRAIN_CSV))) return FAIRFACE;
        throw new BadInput(path + ": not a supported dataset (expected a 3dshapes .h5 file, or a folder with "
                + Shapes3dGenerator.IMAGES_FILE + ", " + Celeba.ATTRIBUTE_FILE + " or " + FairFace.TRAIN_CSV + ")");
    }

    /** The HDF5 file of a 3dshapes path: the file itself, or {@code 3dshapes.h5} in the folder. */
    static Path shapes3dFile(Path path) {
        return Files.isDirectory(path) ? path.resolve(Shapes3dGenerator.IMAGES_FILE) : path;
    }
}
