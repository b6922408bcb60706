package lassi.data;

/** Receives progress of long work: {@code done} of {@code total} units (images, rows). */
@FunctionalInterface
public interface Progress {
    /** Reports nothing. */
    Progress NONE = (done, total) -> { };

    void report(long done, long total);
}
