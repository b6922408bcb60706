package tensor.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenCL sources as packaged (no device needed): the element-wise kernels switch on the
 * ordinals of Unary and Binary, so their #define lists must follow the enums' order; and kernels
 * use float literals only (a double literal would make PoCL and GPUs compute in double, or fail
 * on devices without fp64).
 */
class OpenClKernelSourcesTest {
    @Test void elementwiseOrdinalsFollowTheEnums() throws IOException {
        String source = read("kernels/elementwise.cl");
        Map<String, Integer> unary = defines(source, "UNARY_"), binary = defines(source, "BINARY_");
        Map<String, Integer> unaryEnum = new LinkedHashMap<>(), binaryEnum = new LinkedHashMap<>();
        for (Unary f : Unary.values()) unaryEnum.put(f.name(), f.ordinal());
        for (Binary f : Binary.values()) binaryEnum.put(f.name(), f.ordinal());
        assertThat(unary).as("UNARY_* in elementwise.cl").containsExactlyEntriesOf(unaryEnum);
        assertThat(binary).as("BINARY_* in elementwise.cl").containsExactlyEntriesOf(binaryEnum);
    }

    @Test void kernelsUseFloatLiteralsOnly() throws IOException {
        // a decimal literal without the f suffix, e.g. "0.5" or "1e-3", outside comments
        Pattern doubleLiteral = Pattern.compile("(?<![\\w.])(\\d+\\.\\d*|\\.\\d+|\\d+(?:\\.\\d*)?[eE][-+]?\\d+)(?![\\w.])");
        for (String file : new String[] {"kernels/gemm.cl", "kernels/conv.cl", "kernels/elementwise.cl"}) {
            String code = read(file).replaceAll("//[^\n]*", "");
            assertThat(doubleLiteral.matcher(code).results().map(MatchResult::group)).as("double literals in %s", file).isEmpty();
        }
    }

    private static Map<String, Integer> defines(String source, String prefix) {
        Map<String, Integer> found = new LinkedHashMap<>();
        Matcher m = Pattern.compile("#define " + prefix + "(\\w+)\\s+(\\d+)").matcher(source);
        while (m.find()) found.put(m.group(1), Integer.parseInt(m.group(2)));
        return found;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = OpenClKernelSourcesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
