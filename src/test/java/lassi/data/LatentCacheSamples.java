package lassi.data;

import lassi.FileHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Deterministic latent-cache records and files for the LatentCache*Test classes. */
final class LatentCacheSamples {
    static final List<int[]> Z_SHAPES = List.of(new int[] {2, 2, 2}, new int[] {4, 1, 1});   // d = 12
    static final int D = 12, LABELS = 3;

    private LatentCacheSamples() {}

    /** z_i: distinct, exactly representable values. */
    static float[] z(int i, int d) {
        float[] z = new float[d];
        for (int j = 0; j < d; j++) z[j] = (i * d + j) / 8f - 3f;
        return z;
    }

    /** y_i, with a negative entry and one beyond 32 bits. */
    static long[] y(int i, int labelLength) {
        long[] y = new long[labelLength];
        for (int k = 0; k < labelLength; k++) y[k] = k == 0 ? i : k == 1 ? -i : (1L << 40) + i * 7L + k;
        return y;
    }

    /** A stand-in model file (its bytes only matter through their hash). */
    static Path model(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    static LatentCacheHeader header(Path model, int count) {
        return LatentCacheHeader.of(FileHash.sha256(model), Z_SHAPES, LABELS, count,
                Map.of("--data", "shapes3d.h5", "--batch-size", "128"), 7L);
    }

    /** Writes records 0..count-1 of {@link #z}/{@link #y} as split {@code split} of {@code dir}. */
    static void write(Path dir, Split split, LatentCacheHeader header) throws IOException {
        try (LatentCacheWriter cache = LatentCacheWriter.create(dir, split, header)) {
            for (int i = 0; i < header.count(); i++) cache.append(z(i, header.d()), y(i, header.labelLength()));
            cache.commit();
        }
    }

    /** What {@code body} printed on System.err (where slf4j-simple logs). */
    static String stderrOf(Runnable body) {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
