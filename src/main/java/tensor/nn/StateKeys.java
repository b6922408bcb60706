package tensor.nn;

import java.util.Set;
import java.util.TreeSet;

/** The key check shared by every state loader: the given names must be exactly the expected ones. */
public final class StateKeys {
    private StateKeys() {}

    /** Throws naming the missing and the unexpected keys (sorted) unless the two sets are equal. */
    public static void requireMatch(String what, Set<String> expected, Set<String> given) {
        var missing = new TreeSet<>(expected);
        missing.removeAll(given);
        var unexpected = new TreeSet<>(given);
        unexpected.removeAll(expected);
        if (!missing.isEmpty() || !unexpected.isEmpty())
            throw new IllegalArgumentException(what
                    + (missing.isEmpty() ? "" : ": missing keys " + missing)
                    + (unexpected.isEmpty() ? "" : ": unexpected keys " + unexpected));
    }
}
