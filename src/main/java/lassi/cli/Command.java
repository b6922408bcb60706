package lassi.cli;

import java.io.PrintStream;

/**
 * One CLI command: a JCommander-annotated object holding the raw flags. {@link #run} validates
 * them into the command's options record, calls one {@code lassi} entry point and prints.
 */
public interface Command {
    /** The name on the command line, e.g. "devices" or "shapes3d" (under a group). */
    String name();

    /** Runs the command; returns the process exit code. Throws {@link lassi.BadInput} for bad input. */
    int run(PrintStream out, PrintStream err) throws Exception;
}
