package lassi.cli;

import java.io.PrintStream;
import lassi.data.Progress;

/** Prints progress of long work to stderr, one line per tenth done ("rendering: 1200/12000 (10%)"). */
final class ProgressLine implements Progress {
    private final PrintStream err;
    private final String what;
    private long lastTenth = -1;

    ProgressLine(PrintStream err, String what) {
        this.err = err;
        this.what = what;
    }

    @Override public void report(long done, long total) {
        long tenth = total == 0 ? 10 : 10 * done / total;
        if (tenth == lastTenth) return;
        lastTenth = tenth;
        err.printf("%s: %d/%d (%d%%)%n", what, done, total, tenth * 10);
    }
}
