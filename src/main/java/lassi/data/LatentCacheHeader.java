package lassi.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lassi.BadInput;
import lassi.Version;

/**
 * The sidecar header of one latent-cache split, {@code <split>.lmdb.header.json} (spec §2.5): it
 * says which Glow model made the latents, their shapes and how many records there are. The LMDB
 * environment itself holds only the records (the reference code reads the entry count as the
 * dataset length, so nothing else may go in it).
 *
 * @param formatVersion {@link #FORMAT_VERSION} of the writer
 * @param modelSha256   SHA-256 (lower-case hex) of the Glow model file that encoded the images
 * @param d             latent dimension: the length of every record's {@code x}
 * @param labelLength   length of every record's {@code y} (40 CelebA, 2 FairFace, 6 3dshapes)
 * @param count         number of records = entries of the environment
 * @param zShapes       the per-level latent shapes [C, H, W] whose flattened concatenation is x
 * @param options       the effective options of the command that wrote the cache, for provenance
 * @param seed          the seed of that command
 * @param version       the lassi version that wrote it
 */
public record LatentCacheHeader(int formatVersion, String modelSha256, int d, int labelLength, int count,
                                List<int[]> zShapes, Map<String, String> options, long seed, String version) {
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public LatentCacheHeader {
        if (modelSha256 == null || !modelSha256.matches("[0-9a-f]{64}"))
            throw new IllegalArgumentException("model_sha256 must be 64 lower-case hex digits, got '" + modelSha256 + "'");
        if (labelLength < 0 || count < 0)
            throw new IllegalArgumentException("label_length and count must be >= 0, got " + labelLength + " and " + count);
        if (zShapes == null || zShapes.isEmpty()) throw new IllegalArgumentException("z_shapes missing");
        long sum = 0;
        for (int[] shape : zShapes) sum += Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        if (d <= 0 || sum != d)
            throw new IllegalArgumentException("d = " + d + " but the z-shapes " + shapesText(zShapes) + " hold " + sum + " values");
        zShapes = zShapes.stream().map(int[]::clone).toList();
        options = new TreeMap<>(options == null ? Map.of() : options);
        if (version == null) throw new IllegalArgumentException("version missing");
    }

    /** The header of a cache written now by this build: d is the total size of {@code zShapes}. */
    public static LatentCacheHeader of(String modelSha256, List<int[]> zShapes, int labelLength, int count,
                                       Map<String, String> options, long seed) {
        int d = zShapes.stream().mapToInt(s -> Arrays.stream(s).reduce(1, Math::multiplyExact)).sum();
        return new LatentCacheHeader(FORMAT_VERSION, modelSha256, d, labelLength, count, zShapes, options, seed, Version.get());
    }

    @Override public List<int[]> zShapes() {
        return zShapes.stream().map(int[]::clone).toList();
    }

    /** "[[6, 16, 16], [12, 8, 8]]". */
    static String shapesText(List<int[]> shapes) {
        return shapes.stream().map(Arrays::toString).toList().toString();
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialize the latent cache header", e);
        }
    }

    /** Reads and validates a header file; any problem is one line naming the file. */
    static LatentCacheHeader read(Path file) {
        LatentCacheHeader header;
        try {
            header = JSON.readValue(file.toFile(), LatentCacheHeader.class);
        } catch (JacksonException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException bad ? bad : e;
            throw new BadInput(file + ": not a valid latent cache header (" + cause.getMessage().lines().findFirst().orElse("") + ")", e);
        } catch (IOException e) {
            throw new BadInput(file + ": cannot read the latent cache header (" + e.getMessage() + ")", e);
        }
        if (header.formatVersion != FORMAT_VERSION)
            throw new BadInput(file + ": latent cache header format version " + header.formatVersion
                    + ", this build reads version " + FORMAT_VERSION);
        return header;
    }
}
