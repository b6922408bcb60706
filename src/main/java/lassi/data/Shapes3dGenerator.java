package lassi.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import lassi.BadInput;
import lassi.Version;

/**
 * Generates a Shapes3D-lite dataset folder (spec §10.2) in the exact 3dshapes layout: the HDF5
 * file, the three split files and a contact sheet. All outputs appear together or not at all.
 */
public final class Shapes3dGenerator {
    /** File names inside the output folder. */
    public static final String IMAGES_FILE = "3dshapes.h5", CONTACT_SHEET = "contact_sheet.png";
    /** Format version of the generated files (root attribute {@code format_version}). */
    public static final int FORMAT_VERSION = 1;

    private Shapes3dGenerator() {}

    /** What was written. */
    public record Written(Path images, Map<Split, Path> splits, Path contactSheet, Shapes3dSample sample) {}

    /** Draws {@code count} tuples with {@code seed}, renders them at side {@code size} into {@code outDir}. */
    public static Written generate(int size, int count, long seed, Path outDir, Progress progress) throws IOException {
        Shapes3dSample sample = Shapes3dSample.draw(count, seed);
        requireEveryValue(sample);
        int[][] codes = new int[count][];
        double[][] labels = new double[count][];
        for (int r = 0; r < count; r++) {
            codes[r] = Shapes3dGrid.codes(sample.gridIndices()[r]);
            labels[r] = Shapes3dGrid.labels(codes[r]);
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("format_version", FORMAT_VERSION);
        attributes.put(Shapes3dFile.GENERATOR_ATTRIBUTE, "Shapes3D-lite (spec 10.2), lassi " + Version.get());
        attributes.put("seed", seed);
        attributes.put("count", count);
        attributes.put("size", size);

        Path images = outDir.resolve(IMAGES_FILE), sheet = outDir.resolve(CONTACT_SHEET);
        Map<Split, Path> splits = new LinkedHashMap<>();
        for (Split s : Split.values()) splits.put(s, SplitFiles.path(outDir, s));
        try (AtomicOutputs outs = new AtomicOutputs()) {
            Shapes3dWriter.write(outs.temp(images), size, labels,
                    (row, out, offset) -> Shapes3dRenderer.render(codes[row], size, out, offset), attributes, progress);
            for (Split s : Split.values()) SplitFiles.write(outs.temp(splits.get(s)), sample.rows(s));
            ContactSheet.write(outs.temp(sheet), size);
            outs.commit();
        }
        return new Written(images, splits, sheet, sample);
    }

    /**
     * Label codes are ranks among the values present (spec §2.4), so they equal the factor codes
     * only if every value of every factor occurs in the sample.
     */
    private static void requireEveryValue(Shapes3dSample sample) {
        for (Shapes3dFactor f : Shapes3dFactor.values()) {
            boolean[] seen = new boolean[f.count()];
            for (int index : sample.gridIndices()) seen[Shapes3dGrid.codes(index)[f.column()]] = true;
            for (int v = 0; v < f.count(); v++)
                if (!seen[v])
                    throw new BadInput("a sample of " + sample.count() + " images has no image with " + f.label() + " code " + v
                            + "; label codes are ranks among the values present, so every value must occur: use a larger count");
        }
    }
}
