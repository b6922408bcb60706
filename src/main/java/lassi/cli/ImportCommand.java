package lassi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.PrintStream;
import java.nio.file.Path;
import lassi.glow.GlowImport;
import lassi.glow.GlowImportOptions;
import tensor.Tensor;

/** {@code lassi import}: a released PyTorch Glow (glow-pytorch / LASSI state dict) as a model directory. */
@Parameters(commandDescription = "Import a Glow saved by glow-pytorch or LASSI (torch.save(model.state_dict()), zip format) "
        + "into a model directory for the glow commands; the architecture is read off the weights. "
        + "Example: lassi import --glow saved_models/glow_3dshapes/model_last.pt --image-size 64 --out runs/glow_3dshapes")
final class ImportCommand implements Command {
    @Parameter(names = "--glow", required = true, description = "The PyTorch state dict (.pt / .pth); a 'module.' (DataParallel) prefix is removed")
    private Path glow;
    @Parameter(names = "--image-size", required = true, description = "Side S of the square images the model was trained on (not stored in the weights; divisible by 2^L)")
    private int imageSize;
    @Parameter(names = "--out", required = true, description = "Model directory to create (glow.json + state.npz)")
    private Path out;

    @Override public String name() { return "import"; }

    @Override public int run(PrintStream stdout, PrintStream err) throws Exception {
        GlowImportOptions options = new GlowImportOptions(glow, imageSize, out);
        GlowImport.Imported imported = GlowImport.run(options);
        long parameters = imported.glow().parameters().stream().mapToLong(Tensor::size).sum();
        stdout.printf("imported %s (sha256 %s%s): %s, %d parameters; wrote %s%n", glow, imported.sha256(),
                imported.dataParallel() ? ", DataParallel prefix 'module.' removed" : "", imported.glow().config().describe(), parameters, out);
        return 0;
    }
}
