package lassi.data;

/**
 * FairFace classification targets (spec §2.3, {@code classify_attributes}) on the stored label
 * (age index, race index).
 */
public enum FairFaceTarget {
    /** 9 age bins. */
    AGE("Age", 9),
    /** 0 = under 30, 1 = 30+. */
    AGE_BIN("Age_bin", 2),
    /** 0 = 0–19, 1 = 20–39, 2 = 40+. */
    AGE_3("Age_3", 3),
    /** 7 races (used only for attribute vectors). */
    RACE("Race", 7);

    private final String label;
    private final int classes;

    FairFaceTarget(String label, int classes) {
        this.label = label;
        this.classes = classes;
    }

    /** The reference's name, e.g. "Age_bin". */
    public String label() { return label; }

    /** Number of classes C. */
    public int classes() { return classes; }

    /** The class of a FairFace label vector y = (age index, race index). */
    public int classOf(long[] y) {
        int age = (int) y[0];
        return switch (this) {
            case AGE -> age;
            case AGE_BIN -> age > 3 ? 1 : 0;
            case AGE_3 -> age <= 2 ? 0 : age <= 4 ? 1 : 2;
            case RACE -> (int) y[1];
        };
    }
}
