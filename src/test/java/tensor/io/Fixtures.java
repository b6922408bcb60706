package tensor.io;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates committed fixture files under src/test/resources/fixtures/&lt;topic&gt;/ (on the test classpath). */
public final class Fixtures {
    private Fixtures() {}

    public static Path path(String topic, String name) {
        var url = Fixtures.class.getResource("/fixtures/" + topic + "/" + name);
        if (url == null) throw new IllegalStateException("missing fixture fixtures/" + topic + "/" + name
                + "; regenerate with: /usr/bin/python3 scripts/make_fixtures.py " + topic);
        try {
            Path p = Path.of(url.toURI());
            if (!Files.isRegularFile(p)) throw new IllegalStateException("fixture " + p + " is not a file");
            return p;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
