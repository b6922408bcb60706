package lassi.cli;

import com.beust.jcommander.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import lassi.BadInput;
import lassi.data.Split;
import lassi.glow.Glow;
import lassi.glow.GlowData;
import lassi.glow.GlowDirectory;
import tensor.Tensor;

/** The flags shared by the glow commands that run a trained model on images: --model, --data and --split. */
final class GlowImagesOptions {
    @Parameter(names = "--model", required = true, description = "Glow model directory (from lassi glow train or lassi import)")
    Path model;
    @Parameter(names = "--data", required = true, description = "Images: 3dshapes HDF5 (.h5) or .npy uint8 [N, S, S, 3]")
    Path data;
    @Parameter(names = "--split", description = "all, or for an HDF5 file with split files: train, valid or test")
    String split = "all";

    Glow loadGlow() throws IOException {
        return new GlowDirectory(model).loadGlow();
    }

    /** The chosen images, preprocessed for a model of the given image side. */
    Tensor readImages(int side) throws IOException {
        return switch (split.toLowerCase(Locale.ROOT)) {
            case "all" -> GlowData.readAll(data, side);
            case "train" -> GlowData.readSplit(data, side, Split.TRAIN);
            case "valid" -> GlowData.readSplit(data, side, Split.VALID);
            case "test" -> GlowData.readSplit(data, side, Split.TEST);
            default -> throw new BadInput("--split must be all, train, valid or test, got '" + split + "'");
        };
    }
}
