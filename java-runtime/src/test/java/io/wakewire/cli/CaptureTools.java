package io.wakewire.cli;

import io.wakewire.link.NativeSupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The programs a capture is for, run for real on a file: sigrok-cli, GTKWave's vcd2fst and
 * fst2vcd, and pandas (through the system's python3, where apt's python3-pandas installs it).
 * All come from `make deps`; under make test a missing one fails the test ({@link NativeSupport}).
 */
final class CaptureTools {

    /** apt's python3-pandas installs into the system python, which a pyenv or venv python3 on PATH may hide. */
    static final String PYTHON = "/usr/bin/python3";

    private CaptureTools() {
    }

    static void requireAll() throws Exception {
        for (String program : List.of("sigrok-cli", "vcd2fst", "fst2vcd")) {
            NativeSupport.require(onPath(program), program + " is not installed", "make deps");
        }
        NativeSupport.require(new File(PYTHON).canExecute() && run(PYTHON, "-c", "import pandas").exit == 0,
                PYTHON + " cannot import pandas (apt package python3-pandas)", "make deps");
    }

    /** sigrok-cli reads {@code vcd} (-I vcd) and writes what it read as its own VCD. */
    static VcdRead sigrok(Path vcd) throws Exception {
        Result r = run("sigrok-cli", "-I", "vcd", "-i", vcd.toString(), "-O", "vcd");
        assertEquals(0, r.exit, "sigrok-cli -I vcd -i " + vcd + ": " + r.err);
        return VcdRead.parse(r.out);
    }

    /** vcd2fst, then fst2vcd of its FST: GTKWave's own reading of {@code vcd}, written back. */
    static VcdRead gtkwaveRoundTrip(Path vcd) throws Exception {
        Path fst = vcd.resolveSibling(vcd.getFileName() + ".fst");
        Result toFst = run("vcd2fst", vcd.toString(), fst.toString());
        assertEquals(0, toFst.exit, "vcd2fst " + vcd + ": " + toFst.out + toFst.err);
        assertTrue(Files.size(fst) > 0, "vcd2fst wrote an empty " + fst);
        Result back = run("fst2vcd", fst.toString());
        assertEquals(0, back.exit, "fst2vcd " + fst + ": " + back.err);
        return VcdRead.parse(back.out);
    }

    /**
     * pandas reads {@code csv} (pandas_csv.py): fails unless every numeric column has an integer
     * dtype; returns its rows as pandas holds them, "edge,board_ns,pin,level" and
     * "lost,board_ns,pin,count" lines.
     */
    static List<String> pandasRows(Path csv) throws Exception {
        Path script = csv.resolveSibling("pandas_csv.py");
        try (InputStream in = CaptureTools.class.getResourceAsStream("pandas_csv.py")) {
            Files.write(script, in.readAllBytes());
        }
        Result r = run(PYTHON, script.toString(), csv.toString());
        assertEquals(0, r.exit, "pandas on " + csv + ": " + r.out + r.err);
        return r.out.lines().toList();
    }

    record Result(int exit, String out, String err) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        // stderr in a thread, so that neither pipe can fill and stall the program
        StringBuilder err = new StringBuilder();
        Thread errReader = Thread.ofVirtual().start(() -> {
            try {
                err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.append(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
        }
        errReader.join();
        return new Result(p.exitValue(), out, err.toString());
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
