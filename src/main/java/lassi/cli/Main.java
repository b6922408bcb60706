package lassi.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParameterException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lassi.BadInput;
import lassi.Version;

/**
 * The {@code lassi} command line. Commands are either top-level ({@code lassi devices}) or in a
 * group ({@code lassi data shapes3d}). Bad input prints one line, {@code lassi: error: ...}, and
 * exits with status 2 (flags) or 1 (files and data).
 */
public final class Main {
    // Listed so the usage shows them; run() answers --help/-h before parsing.
    @Parameter(names = {"--help", "-h"}, help = true, description = "Show this help")
    private boolean help;

    @Parameter(names = "--version", description = "Print the version")
    private boolean version;

    private Main() {}

    /** The flags of a command group itself ({@code lassi glow --help}). */
    private static final class Group {
        @Parameter(names = {"--help", "-h"}, help = true, description = "Show this group's commands")
        private boolean help;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The top-level commands, in the order the help lists them. */
    static List<Command> commands() {
        return List.of(new DevicesCommand(), new ImportCommand());
    }

    /** Command groups: name → the commands under it. */
    static Map<String, List<Command>> groups() {
        Map<String, List<Command>> groups = new LinkedHashMap<>();
        groups.put("data", List.of(new DataShapes3dCommand(), new DataInspectCommand()));
        groups.put("glow", List.of(new GlowTrainCommand(), new GlowEncodeCommand(), new GlowSampleCommand(), new GlowReconstructCommand(), new GlowEvalCommand()));
        return groups;
    }

    /** Prints the usage of {@code command} and returns {@code exitCode}. */
    private static int usage(JCommander command, PrintStream out, int exitCode) {
        StringBuilder sb = new StringBuilder();
        command.getUsageFormatter().usage(sb);
        out.print(sb);
        return exitCode;
    }

    /** The deepest command named by the leading words of {@code args} ("glow train --help" → glow train). */
    private static JCommander helpTarget(JCommander jc, String[] args) {
        JCommander at = jc;
        for (String word : args) {
            JCommander next = at.getCommands().get(word);
            if (next == null) break;
            at = next;
        }
        return at;
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Main main = new Main();
        JCommander jc = JCommander.newBuilder().addObject(main).programName("lassi").build();
        for (Command c : commands()) jc.addCommand(c.name(), c);
        for (var group : groups().entrySet()) {
            jc.addCommand(group.getKey(), new Group());
            JCommander sub = jc.getCommands().get(group.getKey());
            for (Command c : group.getValue()) sub.addCommand(c.name(), c);
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) return usage(helpTarget(jc, args), out, 0);
        try {
            jc.parse(args);
        } catch (ParameterException e) {
            err.println("lassi: error: " + e.getMessage());
            return 2;
        }
        if (main.version) {
            out.println("lassi " + Version.get());
            return 0;
        }
        String name = jc.getParsedCommand();
        if (name == null) return usage(jc, out, 2);
        JCommander chosen = jc.getCommands().get(name);
        Object target = chosen.getObjects().get(0);
        if (target instanceof Group) {                            // find the group's sub-command
            String subName = chosen.getParsedCommand();
            if (subName == null) return usage(chosen, out, 2);
            target = chosen.getCommands().get(subName).getObjects().get(0);
        }
        try {
            return ((Command) target).run(out, err);
        } catch (BadInput | IllegalArgumentException e) {
            err.println("lassi: error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("lassi: error: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("lassi: error: " + e.getCause().getMessage());
            return 1;
        } catch (Exception e) {
            err.println("lassi: internal error: " + e);
            e.printStackTrace(err);
            return 70;
        }
    }
}
