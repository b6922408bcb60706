package lassi.data;

/**
 * The six 3dshapes factors in label-column order, with their value counts and raw label values
 * (spec §2.4). The label code of a value is its rank among the factor's values, 0..count−1.
 */
public enum Shapes3dFactor {
    FLOOR_HUE("floor_hue", 10),
    WALL_HUE("wall_hue", 10),
    OBJECT_HUE("object_hue", 10),
    SCALE("scale", 8),
    SHAPE("shape", 4),
    ORIENTATION("orientation", 15);

    private final String label;
    private final int count;

    Shapes3dFactor(String label, int count) {
        this.label = label;
        this.count = count;
    }

    /** The name used by 3dshapes and LASSI, e.g. "object_hue". */
    public String label() { return label; }

    /** How many values the factor takes. */
    public int count() { return count; }

    /** The label column of this factor. */
    public int column() { return ordinal(); }

    /**
     * The raw label value of {@code code}, as stored in the {@code labels} dataset: hues
     * code/10; scale 8 evenly spaced values 0.75..1.25; shape 0..3; orientation 15 evenly
     * spaced angles −30..30 degrees (evenly spaced = numpy's linspace, start + code·step).
     */
    public double value(int code) {
        if (code < 0 || code >= count)
            throw new IllegalArgumentException(label + " code must be in [0, " + count + "), got " + code);
        return switch (this) {
            case FLOOR_HUE, WALL_HUE, OBJECT_HUE -> code / 10.0;
            case SCALE -> 0.75 + code * (0.5 / 7);
            case SHAPE -> code;
            case ORIENTATION -> -30.0 + code * (60.0 / 14);
        };
    }
}
