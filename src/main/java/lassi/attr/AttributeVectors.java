package lassi.attr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lassi.BadInput;
import tensor.Tensor;

/**
 * The attribute vectors a name stands for (what {@code --perturb NAME} means), in a directory such
 * as {@code attr_vectors_avg_diff/} (§4). Selection rule of §4.2 (MUST):
 * <ol>
 * <li>if {@code <name>.npz} exists, that single vector;
 * <li>otherwise every {@code <name>_<v>_<w>.npz} (the all-pairs vectors μ_w − μ_v of a categorical
 *     attribute); m = the median of the set of distinct values in their names (the mean of the two
 *     middle values for an even count); keep exactly the pairs with v &lt; m &lt; w. For the 15
 *     orientations of 3dshapes, m = 7 and k = 49 vectors are kept.
 * </ol>
 * Order: the reference's, file names sorted lexicographically (orientation_0_10, …, orientation_0_14,
 * orientation_0_8, …), so index 4 is orientation_0_14. Java's String order equals Python's for these
 * ASCII names. The reference globs {@code **}{@code /<name>_*.npz}, which also searches
 * subdirectories and fails on a file like {@code <name>_x.npz}; here only the directory itself is
 * listed and only names of the form {@code <name>_<int>_<int>.npz} count.
 */
public final class AttributeVectors {
    private AttributeVectors() {}

    /** The chosen vectors, each wrapped [d], and their file names without ".npz", in the reference's order. */
    public record Selected(List<String> names, List<Tensor> vectors) {}

    /** The vectors of {@code names} one after another (the reference's comma-separated --perturb list). */
    public static Selected load(Path dir, List<int[]> zShapes, String... names) throws IOException {
        List<String> chosen = new ArrayList<>();
        List<Tensor> vectors = new ArrayList<>();
        for (String name : names)
            for (String stem : select(dir, name)) {
                chosen.add(stem);
                vectors.add(AttributeVectorFile.read(dir.resolve(stem + ".npz"), zShapes));
            }
        return new Selected(chosen, vectors);
    }

    /** The file names (without ".npz") that {@code name} selects in {@code dir}. */
    public static List<String> select(Path dir, String name) throws IOException {
        if (!Files.isDirectory(dir)) throw new BadInput(dir + " is not a directory of attribute vectors");
        if (Files.isRegularFile(dir.resolve(name + ".npz"))) return List.of(name);
        List<String> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
        return selectPairs(files, name, dir.toString());
    }

    /** Rule 2 on the file names of a directory ({@code where} names it in errors). */
    static List<String> selectPairs(Collection<String> fileNames, String name, String where) {
        Pattern pair = Pattern.compile(Pattern.quote(name) + "_(-?\\d{1,9})_(-?\\d{1,9})\\.npz");
        List<String> sorted = new ArrayList<>(fileNames);
        sorted.sort(null);
        List<Matcher> pairs = new ArrayList<>();
        TreeSet<Integer> values = new TreeSet<>();
        for (String file : sorted) {
            Matcher m = pair.matcher(file);
            if (!m.matches()) continue;
            pairs.add(m);
            values.add(Integer.parseInt(m.group(1)));
            values.add(Integer.parseInt(m.group(2)));
        }
        if (pairs.isEmpty())
            throw new BadInput(where + ": no attribute vector '" + name + "': neither " + name + ".npz nor any " + name + "_<v>_<w>.npz");
        double median = median(new ArrayList<>(values));
        List<String> kept = new ArrayList<>();
        for (Matcher m : pairs) {
            int v = Integer.parseInt(m.group(1)), w = Integer.parseInt(m.group(2));
            if (v < median && median < w) kept.add(m.group().substring(0, m.group().length() - ".npz".length()));
        }
        if (kept.isEmpty())
            throw new BadInput(where + ": none of the " + pairs.size() + " files " + name + "_<v>_<w>.npz has v < " + median
                    + " < w (the median of the values " + values + ")");
        return kept;
    }

    /** The middle value of sorted distinct values, or the mean of the two middle ones (numpy/statistics.median). */
    static double median(List<Integer> sortedValues) {
        int n = sortedValues.size();
        return n % 2 == 1 ? sortedValues.get(n / 2) : (sortedValues.get(n / 2 - 1) + (double) sortedValues.get(n / 2)) / 2;
    }
}
