package tensor.backend;

/** Where the hot loops run. Chosen explicitly by the user ({@code --device cpu|opencl}). */
public enum Device {
    CPU, OPENCL;

    /** Parses a {@code --device} value; names the flag and the accepted values on error. */
    public static Device parse(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "cpu" -> CPU;
            case "opencl" -> OPENCL;
            default -> throw new IllegalArgumentException("--device must be cpu or opencl, got '" + value + "'");
        };
    }

    @Override public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
}
