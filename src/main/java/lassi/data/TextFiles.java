package lassi.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import lassi.BadInput;

/** Reading the text label files of the face datasets, with errors that name the file and line. */
final class TextFiles {
    private TextFiles() {}

    /** All lines of {@code file}; {@code what} describes it in the error ("the CelebA attribute list"). */
    static List<String> lines(Path file, String what) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInput(file + ": file not found (expected " + what + ")");
        } catch (IOException e) {
            throw new BadInput(file + ": cannot read " + what + " (" + e.getMessage() + ")", e);
        }
    }

    /** Whitespace-separated tokens of a line. */
    static List<String> tokens(String line) {
        String t = line.trim();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    }

    static int parseInt(Path file, int lineNumber, String text, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new BadInput(file + ":" + lineNumber + ": expected an integer (" + what + "), got '" + text + "'");
        }
    }
}
