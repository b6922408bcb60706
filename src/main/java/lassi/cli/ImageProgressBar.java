package lassi.cli;

import java.io.PrintStream;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of the long image commands, counting images with images/s on stderr. On a
 * terminal it is redrawn in place twice a second; on a pipe or a log file it prints one whole
 * line every 10 seconds (and at the end), so logs stay readable and do not run into the lines
 * the command prints on stdout.
 */
final class ImageProgressBar {
    private static final int WIDTH = 120;

    private ImageProgressBar() {}

    static ProgressBar create(PrintStream err, String task, long totalImages) {
        boolean terminal = System.console() != null;
        ProgressBarConsumer consumer = terminal ? new ConsoleProgressBarConsumer(err, WIDTH)
                                                : new DelegatingProgressBarConsumer(new DistinctLines(err), WIDTH);
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(totalImages).setUnit(" img", 1).showSpeed()
                .setStyle(ProgressBarStyle.ASCII).setConsumer(consumer).setMaxRenderedLength(WIDTH)
                .setUpdateIntervalMillis(terminal ? 500 : 10_000).build();
    }

    /** Prints each rendered line unless it repeats the previous one (closing renders the last state again). */
    private static final class DistinctLines implements Consumer<String> {
        private final PrintStream err;
        private String last;

        DistinctLines(PrintStream err) { this.err = err; }

        @Override public void accept(String line) {
            if (!line.equals(last)) err.println(line);
            last = line;
        }
    }
}
