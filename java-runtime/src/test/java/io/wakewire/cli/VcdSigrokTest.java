package io.wakewire.cli;

import io.wakewire.pin.Edge;
import io.wakewire.pin.Level;
import io.wakewire.link.NativeSupport;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monitor's VCD as a real reader sees it: sigrok-cli (make deps installs it) reads the file
 * and writes its own VCD of what it read; every edge written must be a transition there, and each
 * loss a pulse of the pin's lost wire. (sigrok 0.7.2 showed 398 of 400 edges of the older files:
 * the first folded into the initial values, the last past the file's end.)
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VcdSigrokTest {

    @TempDir
    Path tmp;

    private static Edge edge(String pin, Level level, long boardNanos) {
        return Edge.onBoard(pin, level, boardNanos / 4000, boardNanos, 0, 0, -1);
    }

    @Test
    void sigrokSeesEveryEdgeAndEveryLoss() throws Exception {
        NativeSupport.require(onPath("sigrok-cli"), "sigrok-cli is not installed", "make deps");
        Path file = tmp.resolve("edges.vcd");
        int n = 400;
        try (VcdWriter vcd = new VcdWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII), "uno", List.of("D2", "D3"))) {
            for (int i = 0; i < n; i++) {
                // D2 rises first, D3 falls first (it idled high); one µs apart keeps sigrok's samples few
                vcd.edge(edge("D2", i % 2 == 0 ? Level.HIGH : Level.LOW, 5_000 + 1_000L * i));
                vcd.edge(edge("D3", i % 2 == 0 ? Level.LOW : Level.HIGH, 5_500 + 1_000L * i));
                if (i == 100 || i == 300) {
                    vcd.lost("D2", "D2: events lost (board_ring, 2 event(s))"); // an even count: levels still alternate
                }
            }
        }
        Process p = new ProcessBuilder("sigrok-cli", "-I", "vcd", "-i", file.toString(), "-O", "vcd")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "sigrok-cli did not finish");
        assertEquals(0, p.exitValue(), out);
        Map<String, Integer> transitions = transitions(out);
        assertEquals(n, transitions.get("D2"), "D2 transitions sigrok read: " + transitions);
        assertEquals(n, transitions.get("D3"), "D3 transitions sigrok read: " + transitions);
        assertEquals(4, transitions.get("D2_lost"), "two holes, each a pulse of D2_lost: " + transitions);
        assertEquals(0, transitions.get("D3_lost"), transitions.toString());
    }

    /** Value changes per signal name after the first sample, in a VCD as sigrok-cli writes it ("#t v! v\"" lines). */
    static Map<String, Integer> transitions(String vcd) {
        Map<String, String> names = new HashMap<>();
        Map<String, Character> value = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        boolean body = false;
        for (String line : vcd.split("\n")) {
            String[] t = line.trim().split("\\s+");
            if (t[0].equals("$var")) {
                names.put(t[3], t[4]);
                count.put(t[4], 0);
            } else if (t[0].equals("$enddefinitions")) {
                body = true;
            } else if (body && t[0].startsWith("#")) {
                for (int i = 1; i < t.length; i++) {
                    String name = names.get(t[i].substring(1));
                    Character before = value.put(name, t[i].charAt(0));
                    if (before != null && before != t[i].charAt(0)) {
                        count.merge(name, 1, Integer::sum);
                    }
                }
            }
        }
        return count;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
