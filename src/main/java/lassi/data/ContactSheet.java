package lassi.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG contact sheet of Shapes3D-lite renders at the dataset's image side, each cell scaled up
 * (nearest neighbour) to 64×64. Row r varies one factor over all its values, the others held at a
 * base tuple: rows 0..5 vary floor_hue, wall_hue, object_hue, scale, shape, orientation (for the
 * cube); rows 6..8 vary orientation for the cylinder, sphere and capsule, so that one can check
 * orientation is visible for every shape.
 */
public final class ContactSheet {
    /** The tuple every row starts from: (floor, wall, object hue, scale, shape, orientation). */
    static final int[] BASE_TUPLE = {0, 4, 7, 4, 0, 7};
    private static final int CELL = 64, GAP = 2;

    private ContactSheet() {}

    /** One line per row of the sheet, naming the factor it varies. */
    public static List<String> rowNames() {
        List<String> names = new ArrayList<>();
        for (Shapes3dFactor f : Shapes3dFactor.values()) names.add(f.label() + (f == Shapes3dFactor.ORIENTATION ? " (shape 0)" : ""));
        for (int shape = 1; shape < Shapes3dFactor.SHAPE.count(); shape++) names.add("orientation (shape " + shape + ")");
        return names;
    }

    /** Writes the sheet for images of side {@code size} to {@code file} as PNG. */
    public static void write(Path file, int size) throws IOException {
        List<int[][]> rows = rows();
        int columns = Shapes3dFactor.ORIENTATION.count();
        BufferedImage sheet = new BufferedImage(columns * (CELL + GAP) + GAP, rows.size() * (CELL + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows.size(); r++)
            for (int c = 0; c < rows.get(r).length; c++) {
                byte[] hwc = Shapes3dRenderer.render(rows.get(r)[c], size);
                int x0 = GAP + c * (CELL + GAP), y0 = GAP + r * (CELL + GAP);
                for (int y = 0; y < CELL; y++)
                    for (int x = 0; x < CELL; x++) {
                        int p = ((y * size / CELL) * size + x * size / CELL) * 3;
                        int rgb = (hwc[p] & 0xFF) << 16 | (hwc[p + 1] & 0xFF) << 8 | (hwc[p + 2] & 0xFF);
                        sheet.setRGB(x0 + x, y0 + y, rgb);
                    }
            }
        if (!ImageIO.write(sheet, "png", file.toFile())) throw new IOException("no PNG writer in this JVM");
    }

    /** The tuples of each row (see the class comment). */
    static List<int[][]> rows() {
        List<int[][]> rows = new ArrayList<>();
        for (Shapes3dFactor f : Shapes3dFactor.values()) rows.add(vary(BASE_TUPLE, f));
        for (int shape = 1; shape < Shapes3dFactor.SHAPE.count(); shape++) {
            int[] base = BASE_TUPLE.clone();
            base[Shapes3dFactor.SHAPE.column()] = shape;
            rows.add(vary(base, Shapes3dFactor.ORIENTATION));
        }
        return rows;
    }

    private static int[][] vary(int[] base, Shapes3dFactor f) {
        int[][] tuples = new int[f.count()][];
        for (int v = 0; v < f.count(); v++) {
            tuples[v] = base.clone();
            tuples[v][f.column()] = v;
        }
        return tuples;
    }
}
