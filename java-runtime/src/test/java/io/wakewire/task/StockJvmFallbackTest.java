package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sequential layer on a stock JVM: a child JVM without {@code --add-exports} must pick the
 * thread-handoff engine by itself and run a body correctly; asking for the fallback by property
 * must work even where continuations are available.
 */
class StockJvmFallbackTest {

    private static String run(String... jvmArgs) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), StockJvmMain.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("child JVM did not finish in 60 s: " + cmd);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void withoutTheExportTheFallbackIsChosenAndWorks() throws Exception {
        assertEquals("thread-handoff 42", run());
    }

    @Test
    void thePropertyForcesTheFallback() throws Exception {
        assertEquals("thread-handoff 42",
                run("--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Dwakewire.async.engine=thread-handoff"));
    }

    @Test
    void withTheExportContinuationsAreChosen() throws Exception {
        assertEquals("continuation 42", run("--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED"));
    }
}
