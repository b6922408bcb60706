package lassi.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The committed fixtures of topic "data" (scripts/fixtures/data.py) and temp-folder helpers. */
final class Fixtures {
    private Fixtures() {}

    /** A file or folder under src/test/resources/fixtures/data. */
    static Path data(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/data/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture fixtures/data/" + name
                    + " (run /usr/bin/python3 scripts/make_fixtures.py data)", e);
        }
    }

    static JsonNode json(String name) throws IOException {
        JsonNode root = new ObjectMapper().readTree(data(name).toFile());
        if (root.get("format_version").get(0).asInt() != 1)
            throw new IllegalStateException(name + ": unexpected format_version " + root.get("format_version"));
        return root;
    }

    /** Copies the folder {@code from} recursively into {@code to}. */
    static Path copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The formula of the h5py fixture images: (n·37 + y·11 + x·5 + c·3) mod 256. */
    static int fixturePixel(int n, int y, int x, int c) {
        return (n * 37 + y * 11 + x * 5 + c * 3) % 256;
    }

    /** The factor codes of fixture row n: (n%10, (n+3)%10, (n+7)%10, n%8, n%4, n). */
    static int[] fixtureCodes(int n) {
        return new int[] {n % 10, (n + 3) % 10, (n + 7) % 10, n % 8, n % 4, n};
    }
}
