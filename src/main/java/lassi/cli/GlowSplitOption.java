package lassi.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import lassi.BadInput;
import lassi.data.Split;
import lassi.glow.GlowData;
import tensor.Tensor;

/** The {@code --split} option of the glow commands: all images of the file, or one split of an HDF5 file. */
final class GlowSplitOption {
    private GlowSplitOption() {}

    static Tensor read(Path data, String split, int side) throws IOException {
        return switch (split.toLowerCase(Locale.ROOT)) {
            case "all" -> GlowData.readAll(data, side);
            case "train" -> GlowData.readSplit(data, side, Split.TRAIN);
            case "valid" -> GlowData.readSplit(data, side, Split.VALID);
            case "test" -> GlowData.readSplit(data, side, Split.TEST);
            default -> throw new BadInput("--split must be all, train, valid or test, got '" + split + "'");
        };
    }
}
