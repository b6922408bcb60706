package lassi.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lassi.BadInput;

/**
 * A CelebA folder (spec §2.2): {@code img_align_celeba/*.jpg} (178×218), {@code list_attr_celeba.txt}
 * (a count line, the 40 attribute names, then one line per image: file name and 40 values −1/1,
 * stored as 0/1) and {@code list_eval_partition.txt} (file name and split code 0 train, 1 valid,
 * 2 test, same files in the same order). The label vector is all 40 attributes.
 */
public final class Celeba {
    /** The 40 attributes in file order (index = label position). */
    public static final List<String> ATTRIBUTES = List.of(
            "5_o_Clock_Shadow", "Arched_Eyebrows", "Attractive", "Bags_Under_Eyes", "Bald", "Bangs", "Big_Lips",
            "Big_Nose", "Black_Hair", "Blond_Hair", "Blurry", "Brown_Hair", "Bushy_Eyebrows", "Chubby", "Double_Chin",
            "Eyeglasses", "Goatee", "Gray_Hair", "Heavy_Makeup", "High_Cheekbones", "Male", "Mouth_Slightly_Open",
            "Mustache", "Narrow_Eyes", "No_Beard", "Oval_Face", "Pale_Skin", "Pointy_Nose", "Receding_Hairline",
            "Rosy_Cheeks", "Sideburns", "Smiling", "Straight_Hair", "Wavy_Hair", "Wearing_Earrings", "Wearing_Hat",
            "Wearing_Lipstick", "Wearing_Necklace", "Wearing_Necktie", "Young");
    /** The size of the aligned CelebA photos. */
    public static final int WIDTH = 178, HEIGHT = 218;
    public static final String IMAGES = "img_align_celeba", ATTRIBUTE_FILE = "list_attr_celeba.txt",
            PARTITION_FILE = "list_eval_partition.txt";

    private final Path root;
    private final List<String> names;          // image file names, in file order
    private final long[][] attributes;         // [N, 40], 0/1
    private final int[] partition;             // [N], 0 train / 1 valid / 2 test

    private Celeba(Path root, List<String> names, long[][] attributes, int[] partition) {
        this.root = root;
        this.names = names;
        this.attributes = attributes;
        this.partition = partition;
    }

    /** Reads and validates the attribute and partition files of the folder {@code root}. */
    public static Celeba open(Path root) {
        Path attrFile = root.resolve(ATTRIBUTE_FILE), partFile = root.resolve(PARTITION_FILE);
        List<String> attrLines = TextFiles.lines(attrFile, "the CelebA attribute list");
        if (attrLines.size() < 2)
            throw new BadInput(attrFile + ": expected a count line and a line of " + ATTRIBUTES.size() + " attribute names");
        int declared = TextFiles.parseInt(attrFile, 1, attrLines.get(0).trim(), "the image count");
        List<String> header = TextFiles.tokens(attrLines.get(1));
        if (!header.equals(ATTRIBUTES))
            throw new BadInput(attrFile + ":2: expected the " + ATTRIBUTES.size() + " CelebA attribute names "
                    + ATTRIBUTES.get(0) + " .. " + ATTRIBUTES.get(ATTRIBUTES.size() - 1) + ", got " + header.size() + " names");
        List<String> names = new ArrayList<>();
        List<long[]> rows = new ArrayList<>();
        for (int i = 2; i < attrLines.size(); i++) {
            List<String> t = TextFiles.tokens(attrLines.get(i));
            if (t.isEmpty()) continue;
            if (t.size() != ATTRIBUTES.size() + 1)
                throw new BadInput(attrFile + ":" + (i + 1) + ": expected " + (ATTRIBUTES.size() + 1)
                        + " columns (file name and " + ATTRIBUTES.size() + " attributes), got " + t.size());
            long[] y = new long[ATTRIBUTES.size()];
            for (int a = 0; a < y.length; a++) {
                String v = t.get(a + 1);
                if (!v.equals("1") && !v.equals("-1"))
                    throw new BadInput(attrFile + ":" + (i + 1) + ": attribute " + ATTRIBUTES.get(a) + " is '" + v + "', expected -1 or 1");
                y[a] = v.equals("1") ? 1 : 0;
            }
            names.add(t.get(0));
            rows.add(y);
        }
        if (declared != names.size())
            throw new BadInput(attrFile + ":1: declares " + declared + " images but lists " + names.size());
        int[] partition = readPartition(partFile, names);
        return new Celeba(root, names, rows.toArray(new long[0][]), partition);
    }

    private static int[] readPartition(Path file, List<String> names) {
        List<String> lines = TextFiles.lines(file, "the CelebA partition list");
        int[] partition = new int[names.size()];
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            List<String> t = TextFiles.tokens(lines.get(i));
            if (t.isEmpty()) continue;
            if (t.size() != 2)
                throw new BadInput(file + ":" + (i + 1) + ": expected 2 columns (file name and split 0/1/2), got " + t.size());
            if (n >= names.size() || !t.get(0).equals(names.get(n)))
                throw new BadInput(file + ":" + (i + 1) + ": lists '" + t.get(0) + "', expected "
                        + (n < names.size() ? "'" + names.get(n) + "'" : "no more images")
                        + " (the same images in the same order as " + ATTRIBUTE_FILE + ")");
            int code = TextFiles.parseInt(file, i + 1, t.get(1), "the split code");
            if (code < 0 || code > 2) throw new BadInput(file + ":" + (i + 1) + ": split code " + code + ", expected 0, 1 or 2");
            partition[n++] = code;
        }
        if (n != names.size())
            throw new BadInput(file + ": lists " + n + " images, expected " + names.size() + " as in " + ATTRIBUTE_FILE);
        return partition;
    }

    /** Index of an attribute name in the label vector. */
    public static int attributeIndex(String name) {
        int i = ATTRIBUTES.indexOf(name);
        if (i < 0) throw new BadInput("unknown CelebA attribute '" + name + "' (expected one of " + ATTRIBUTES + ")");
        return i;
    }

    /** Number of images in all splits. */
    public int count() { return names.size(); }

    /** The split code (0 train, 1 valid, 2 test) of each image, in file order. */
    public Split partition(int row) { return Split.values()[partition[row]]; }

    /** The 40 attribute labels (0/1) of image {@code row}. */
    public long[] attributes(int row) { return attributes[row].clone(); }

    /** The photo file of image {@code row}. */
    public Path imageFile(int row) { return root.resolve(IMAGES).resolve(names.get(row)); }

    /** One split, in file order, preprocessed at side {@code size}. */
    public ImageDataset split(Split split, int size) {
        List<Path> files = new ArrayList<>();
        List<long[]> labels = new ArrayList<>();
        for (int r = 0; r < names.size(); r++)
            if (partition[r] == split.ordinal()) {
                files.add(imageFile(r));
                labels.add(attributes[r]);
            }
        return new PhotoDataset("CelebA " + IMAGES, files, labels.toArray(new long[0][]), ATTRIBUTES.size(), WIDTH, HEIGHT, size);
    }

    /** Checks that every photo exists and is 178×218 (reads headers only). */
    public void checkImages(Progress progress) {
        for (int r = 0; r < names.size(); r++) {
            Photos.checkHeader(imageFile(r), WIDTH, HEIGHT, "CelebA " + IMAGES);
            progress.report(r + 1, names.size());
        }
    }
}
