package lassi.data;

/** The three dataset splits; {@link #stem()} is the name used in file names ("train", ...). */
public enum Split {
    TRAIN("train"), VALID("valid"), TEST("test");

    private final String stem;

    Split(String stem) { this.stem = stem; }

    public String stem() { return stem; }
}
