package lassi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lassi.BadInput;
import lassi.data.DatasetInspector;

/** {@code lassi data inspect PATH}: validates a dataset or a latent cache and prints what it holds. */
@Parameters(commandDescription = "Validate a dataset and print its format, count, image size, value counts per "
        + "factor or attribute, and splits. PATH: a 3dshapes .h5 file (generated or the real one) or a folder "
        + "holding 3dshapes.h5, a CelebA folder, a FairFace folder, or a latent cache folder (from lassi glow encode, "
        + "or the reference's). Example: lassi data inspect data/shapes3d")
final class DataInspectCommand implements Command {
    @Parameter(description = "PATH")
    private List<String> paths = new ArrayList<>();

    /** The validated options. */
    record Options(List<String> paths) {
        Options {
            if (paths.size() != 1)
                throw new BadInput("expected exactly one PATH (a dataset file or folder), got " + paths.size());
        }

        Path path() { return Path.of(paths.get(0)); }
    }

    @Override public String name() { return "inspect"; }

    @Override public int run(PrintStream stdout, PrintStream err) {
        Options o = new Options(paths);
        for (String line : DatasetInspector.inspect(o.path(), new ProgressLine(err, "checking"))) stdout.println(line);
        return 0;
    }
}
