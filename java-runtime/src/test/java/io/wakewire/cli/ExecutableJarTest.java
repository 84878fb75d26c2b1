package io.wakewire.cli;

import io.wakewire.link.NativeSupport;
import io.wakewire.sim.BuildArtifacts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged command (`make jar`): its manifest, and that {@code java -jar} gets the fast async
 * engine from it. Skipped, with the reason, where the jar has not been built; a failure under
 * make test, which builds it ({@link NativeSupport#require}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExecutableJarTest {

    private static Path jar() {
        Path jar = BuildArtifacts.locate().root().resolve("build/wakewire.jar");
        NativeSupport.require(Files.isRegularFile(jar), "build/wakewire.jar is not built", "make jar");
        return jar;
    }

    @Test
    void theManifestNamesTheMainClassAndTheExportsItNeeds() throws Exception {
        try (JarFile j = new JarFile(jar().toFile())) {
            Manifest m = j.getManifest();
            assertEquals("io.wakewire.cli.Main", m.getMainAttributes().getValue("Main-Class"));
            assertEquals("java.base/jdk.internal.vm", m.getMainAttributes().getValue("Add-Exports"));
            assertEquals("ALL-UNNAMED", m.getMainAttributes().getValue("Enable-Native-Access"));
            assertTrue(j.getEntry("board-configs/uno.conf") != null, "the board configs travel in the jar");
        }
    }

    @Test
    void javaDashJarRunsWithTheContinuationEngineAndNoWarnings() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", jar().toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("async engine: continuation"), out);
        assertTrue(!out.contains("WARNING"), "no JVM warnings (native access, exports): " + out);
    }
}
