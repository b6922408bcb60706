package lassi.glow;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lassi.BadInput;
import tensor.Shape;

/**
 * The architecture of a glow-pytorch (rosinality; LASSI's copy) Glow, read off its state dict.
 * The names are those of {@link Glow} (ours follow the reference one to one), so:
 * <ul>
 * <li>L = the number of {@code blocks.{b}} (b = 0..L−1, none skipped);
 * <li>K = the number of {@code blocks.0.flows.{j}};
 * <li>F = dim 0 of {@code blocks.0.flows.0.coupling.net.0.weight} [F, C/2, 3, 3], where block 0 of
 *     an RGB Glow works on C = 4·3 = 12 channels;
 * <li>affine or additive: the output channels of the coupling's ZeroConv2d
 *     ({@code …coupling.net.4.conv.weight} [C or C/2, F, 3, 3]);
 * <li>LU or a free 1×1 convolution: {@code …invconv.w_p} or {@code …invconv.weight} in block 0
 *     (the reference builds its last block LU in every model, so a one-block Glow counts as LU).
 * </ul>
 * The image side is not stored in the weights (every layer is a convolution), so it is given and
 * only checked for divisibility by 2^L. Every other key and shape is checked against the Glow this
 * configuration builds (see {@link GlowImport}).
 */
final class ReferenceConfig {
    private static final Pattern BLOCK = Pattern.compile("blocks\\.(\\d{1,6})\\..*");
    private static final Pattern FLOW = Pattern.compile("blocks\\.0\\.flows\\.(\\d{1,6})\\..*");
    private static final String STEP0 = "blocks.0.flows.0.";

    private ReferenceConfig() {}

    /** The configuration of the Glow whose state has these shapes; {@code source} names the file in errors. */
    static GlowConfig infer(Map<String, Shape> state, int side, String source) {
        int nBlock = count(BLOCK, state, "blocks", source);
        int nFlow = count(FLOW, state, "blocks.0.flows", source);
        int c = 4 * GlowConfig.IMAGE_CHANNELS;                    // block 0's channels after the squeeze

        String inName = STEP0 + "coupling.net.0.weight";
        Shape in = require(state, inName, source);
        if (in.rank() != 4 || in.dim(1) != c / 2 || in.dim(2) != 3 || in.dim(3) != 3)
            throw new BadInput(source + ": '" + inName + "' has shape " + in + ", block 0 of a Glow on RGB images needs [F, " + c / 2 + ", 3, 3]");
        int width = in.dim(0);

        String outName = STEP0 + "coupling.net.4.conv.weight";
        Shape out = require(state, outName, source);
        if (out.rank() != 4 || (out.dim(0) != c && out.dim(0) != c / 2))
            throw new BadInput(source + ": '" + outName + "' has shape " + out + ", expected [" + c + " (affine) or " + c / 2
                    + " (additive), F, 3, 3]");
        boolean affine = out.dim(0) == c;

        boolean lu = nBlock == 1 || state.containsKey(STEP0 + "invconv.w_p");
        if (!lu && !state.containsKey(STEP0 + "invconv.weight"))
            throw new BadInput(source + ": neither '" + STEP0 + "invconv.w_p' (LU 1x1 convolution) nor '" + STEP0
                    + "invconv.weight' (free 1x1 convolution) is in the state");

        if (side < 1 || side % (1 << nBlock) != 0)
            throw new BadInput(source + ": --image-size " + side + " is not divisible by 2^L = " + (1 << nBlock)
                    + " (the state has L = " + nBlock + " blocks)");
        return new GlowConfig(side, nBlock, nFlow, width, affine, lu);
    }

    /** 1 + the largest index i in keys "prefix.{i}.…", after checking that 0..max all occur. */
    private static int count(Pattern pattern, Map<String, Shape> state, String prefix, String source) {
        TreeSet<Integer> indices = new TreeSet<>();
        for (String key : state.keySet()) {
            Matcher m = pattern.matcher(key);
            if (m.matches()) indices.add(Integer.parseInt(m.group(1)));
        }
        if (indices.isEmpty())
            throw new BadInput(source + ": no '" + prefix + ".{i}.…' keys, so this is not a glow-pytorch Glow state dict (keys: "
                    + firstKeys(state) + ")");
        for (int i = 0; i <= indices.last(); i++)
            if (!indices.contains(i))
                throw new BadInput(source + ": no '" + prefix + "." + i + ".…' keys, but '" + prefix + "." + indices.last() + ".…' exist");
        return indices.last() + 1;
    }

    private static Shape require(Map<String, Shape> state, String key, String source) {
        Shape shape = state.get(key);
        if (shape == null) throw new BadInput(source + ": missing key '" + key + "'");
        return shape;
    }

    private static String firstKeys(Map<String, Shape> state) {
        var keys = state.keySet().stream().limit(5).toList();
        return keys.isEmpty() ? "none" : String.join(", ", keys) + (state.size() > keys.size() ? ", ..." : "");
    }
}
