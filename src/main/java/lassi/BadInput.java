package lassi;

/**
 * Bad input from the user: a missing or malformed file, a wrong flag value. The message is one
 * line that names the file or flag and what was expected; the CLI prints it and exits non-zero.
 */
public class BadInput extends RuntimeException {
    public BadInput(String message) {
        super(message);
    }

    public BadInput(String message, Throwable cause) {
        super(message, cause);
    }
}
