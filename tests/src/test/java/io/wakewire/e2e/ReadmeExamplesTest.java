package io.wakewire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java example in README.md is a source file of this module that the build compiles: each
 * ```java block names its file in a {@code // tests/src/main/java/...} comment, and the block must
 * equal that file without its package line. An example without a file fails here.
 */
class ReadmeExamplesTest {

    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern FILE = Pattern.compile("// (tests/src/main/java/\\S+\\.java)");

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("README.md"))) {
            p = p.getParent();
        }
        assertTrue(p != null, "README.md not found above " + Path.of("").toAbsolutePath());
        return p;
    }

    @Test
    void everyJavaBlockOfTheReadmeIsACompiledSourceFileVerbatim() throws Exception {
        Path root = root();
        String readme = Files.readString(root.resolve("README.md"));
        Matcher m = BLOCK.matcher(readme);
        List<String> files = new ArrayList<>();
        while (m.find()) {
            String block = m.group(1);
            Matcher f = FILE.matcher(block);
            if (!f.find()) {
                fail("README.md: a ```java block names no source file (// tests/src/main/java/...):\n" + block);
            }
            Path file = root.resolve(f.group(1));
            assertTrue(Files.exists(file), "README.md names " + f.group(1) + ", which does not exist");
            String source = Files.readString(file).replaceFirst("\\Apackage [\\w.]+;\\n\\n", "");
            assertEquals(source, block, "README.md's block differs from " + f.group(1));
            files.add(f.group(1));
        }
        assertFalse(files.isEmpty(), "README.md has no ```java block: the pattern is wrong");
        assertTrue(files.contains("tests/src/main/java/io/wakewire/examples/firstedge/FirstEdge.java"), files.toString());
    }
}
