package lassi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.PrintStream;
import java.nio.file.Path;
import lassi.BadInput;
import lassi.data.ContactSheet;
import lassi.data.Shapes3dGenerator;
import lassi.data.Shapes3dGrid;
import lassi.data.Shapes3dRenderer;
import lassi.data.Split;

/** {@code lassi data shapes3d}: renders a Shapes3D-lite dataset folder (spec §10.2). */
@Parameters(commandDescription = "Render a Shapes3D-lite dataset (spec 10.2) in the 3dshapes layout: 3dshapes.h5 "
        + "(images uint8 [N,S,S,3], labels float64 [N,6]), custom_{train,valid,test}_split.npy (80/10/10) and "
        + "contact_sheet.png. Example: lassi data shapes3d --size 16 --count 12000 --seed 0 --out data/shapes3d")
final class DataShapes3dCommand implements Command {
    @Parameter(names = "--size", description = "Image side S (a divisor of 64)")
    private int size = 16;

    @Parameter(names = "--count", description = "Number of distinct grid tuples N to draw (at most 480000)")
    private int count = 12_000;

    @Parameter(names = "--seed", description = "Seed of the draw and of the split")
    private long seed = 0;

    @Parameter(names = "--out", description = "Output folder", required = true)
    private String out;

    /** The validated options. */
    record Options(int size, int count, long seed, Path out) {
        Options {
            if (size < 1 || Shapes3dRenderer.BASE % size != 0)
                throw new BadInput("--size must divide 64 (1, 2, 4, 8, 16, 32 or 64), got " + size);
            if (count < 1 || count > Shapes3dGrid.SIZE)
                throw new BadInput("--count must be in [1, " + Shapes3dGrid.SIZE + "], got " + count);
        }
    }

    @Override public String name() { return "shapes3d"; }

    @Override public int run(PrintStream stdout, PrintStream err) throws Exception {
        Options o = new Options(size, count, seed, Path.of(out));
        var written = Shapes3dGenerator.generate(o.size(), o.count(), o.seed(), o.out(),
                new ProgressLine(err, "rendering images"));
        var sample = written.sample();
        stdout.printf("wrote %s (%d images %dx%d, seed %d)%n", written.images(), sample.count(), o.size(), o.size(), o.seed());
        for (Split s : Split.values())
            stdout.printf("wrote %s (%d rows, %s)%n", written.splits().get(s), sample.rows(s).length, s.stem());
        stdout.printf("wrote %s (rows vary one factor each: %s)%n", written.contactSheet(),
                String.join(", ", ContactSheet.rowNames()));
        return 0;
    }
}
