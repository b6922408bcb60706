package lassi.data;

/**
 * Shapes3D-lite: a deterministic renderer for the 3dshapes factor grid (spec §10.2, a project
 * proposal, not part of LASSI). A tuple of six factor codes gives one room scene: floor, wall with
 * a corner that moves with the orientation, and an object standing on the floor, shaded on the
 * side the orientation turns towards. Orientation therefore changes pixels for every shape.
 *
 * <p>The scene is sampled at 64×64 pixel centres {@code (u, v) = (col + 0.5, row + 0.5)}, box
 * averaged to S×S (S divides 64) and rounded to 8 bits with {@code rint(255·c)} (half to even, as
 * Python's round). Output layout is HWC, RGB, as in the 3dshapes {@code images} dataset. All
 * region tests are closed (a pixel centre on an edge is inside).
 */
public final class Shapes3dRenderer {
    /** The side of the scene before box averaging. */
    public static final int BASE = 64;

    private static final double FLOOR_TOP = 38;          // v ≥ 38 is floor
    private static final double OBJECT_CENTRE = 32;      // horizontal centre of the object
    private static final double OBJECT_BOTTOM = 52;      // the object stands on v = 52
    private static final double WALL_SHADE = 0.8;        // wall left of the corner: value ×0.8
    private static final double OBJECT_SHADE = 0.7;      // shaded side of the object: value ×0.7

    private Shapes3dRenderer() {}

    /** The S×S×3 image (HWC, RGB, uint8 stored in bytes) of a factor tuple. */
    public static byte[] render(int[] codes, int size) {
        byte[] out = new byte[size * size * 3];
        render(codes, size, out, 0);
        return out;
    }

    /** Renders the tuple into {@code out[offset .. offset + size·size·3)} (HWC, RGB). */
    public static void render(int[] codes, int size, byte[] out, int offset) {
        Shapes3dGrid.requireCodes(codes);
        if (size < 1 || BASE % size != 0)
            throw new IllegalArgumentException("image size must divide " + BASE + ", got " + size);
        double[] scene = scene(codes);                     // [64, 64, 3], colours in [0, 1]
        int f = BASE / size;
        double cells = f * f;
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
                for (int c = 0; c < 3; c++) {
                    double sum = 0;
                    for (int r = y * f; r < (y + 1) * f; r++)
                        for (int col = x * f; col < (x + 1) * f; col++) sum += scene[(r * BASE + col) * 3 + c];
                    out[offset + (y * size + x) * 3 + c] = (byte) (int) Math.rint(255 * (sum / cells));
                }
    }

    /** The 64×64 scene as RGB colours in [0, 1], HWC. */
    static double[] scene(int[] codes) {
        double thetaDeg = Shapes3dFactor.ORIENTATION.value(codes[Shapes3dFactor.ORIENTATION.column()]);
        double s = Shapes3dFactor.SCALE.value(codes[Shapes3dFactor.SCALE.column()]);
        int shape = codes[Shapes3dFactor.SHAPE.column()];
        double w = 9 * s;                                  // object half-size in pixels

        double[] floor = hsvToRgb(hue(codes, Shapes3dFactor.FLOOR_HUE), 0.75, 0.80);
        double[] wall = hsvToRgb(hue(codes, Shapes3dFactor.WALL_HUE), 0.75, 0.95);
        double[] wallShaded = hsvToRgb(hue(codes, Shapes3dFactor.WALL_HUE), 0.75, 0.95 * WALL_SHADE);
        double[] object = hsvToRgb(hue(codes, Shapes3dFactor.OBJECT_HUE), 0.90, 0.95);
        double[] objectShaded = hsvToRgb(hue(codes, Shapes3dFactor.OBJECT_HUE), 0.90, 0.95 * OBJECT_SHADE);

        double cornerU = OBJECT_CENTRE - 20 * thetaDeg / 30;          // room corner u_c
        double u0 = OBJECT_CENTRE - w, u1 = OBJECT_CENTRE + w;        // object bounding box in u
        double p = 0.5 + 0.4 * Math.sin(Math.toRadians(thetaDeg)) / Math.sin(Math.toRadians(30));
        double shadeU = u0 + p * (u1 - u0);                           // object shaded for u < shadeU

        double[] scene = new double[BASE * BASE * 3];
        for (int row = 0; row < BASE; row++) {
            double v = row + 0.5;
            for (int col = 0; col < BASE; col++) {
                double u = col + 0.5;
                double[] colour = v >= FLOOR_TOP ? floor : (u < cornerU ? wallShaded : wall);
                if (insideObject(shape, w, u, v)) colour = u < shadeU ? objectShaded : object;
                System.arraycopy(colour, 0, scene, (row * BASE + col) * 3, 3);
            }
        }
        return scene;
    }

    /**
     * Whether pixel centre (u, v) lies in the object of half-size w standing on v = 52 at u = 32.
     * 0 cube: square 2w × 2w; 1 cylinder: rectangle 2w × 2.4w; 2 sphere: disc of radius w;
     * 3 capsule: stadium 2w wide × 1.2w tall (a rectangle with half-disc ends of radius 0.6w).
     */
    private static boolean insideObject(int shape, double w, double u, double v) {
        double du = u - OBJECT_CENTRE;
        return switch (shape) {
            case 0 -> Math.abs(du) <= w && v >= OBJECT_BOTTOM - 2 * w && v <= OBJECT_BOTTOM;
            case 1 -> Math.abs(du) <= w && v >= OBJECT_BOTTOM - 2.4 * w && v <= OBJECT_BOTTOM;
            case 2 -> {
                double dv = v - (OBJECT_BOTTOM - w);
                yield du * du + dv * dv <= w * w;
            }
            case 3 -> {
                double r = 0.6 * w;                                  // end radius = half the height
                double axisHalf = w - r;                              // half-length of the straight part
                double dx = Math.abs(du) - Math.min(Math.abs(du), axisHalf);
                double dv = v - (OBJECT_BOTTOM - r);
                yield dx * dx + dv * dv <= r * r;
            }
            default -> throw new IllegalArgumentException("shape code must be in [0, 4), got " + shape);
        };
    }

    private static double hue(int[] codes, Shapes3dFactor f) {
        return codes[f.column()] / 10.0;                                // h = code/10
    }

    /** HSV → RGB, all in [0, 1] (the hexcone model, as Python's colorsys.hsv_to_rgb). */
    static double[] hsvToRgb(double h, double s, double v) {
        if (s == 0) return new double[] {v, v, v};
        int sector = (int) Math.floor(h * 6);
        double f = h * 6 - sector;
        double p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
        return switch (Math.floorMod(sector, 6)) {
            case 0 -> new double[] {v, t, p};
            case 1 -> new double[] {q, v, p};
            case 2 -> new double[] {p, v, t};
            case 3 -> new double[] {p, q, v};
            case 4 -> new double[] {t, p, v};
            default -> new double[] {v, p, q};
        };
    }
}
