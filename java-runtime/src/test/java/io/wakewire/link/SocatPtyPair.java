package io.wakewire.link;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two connected pseudo-terminals made by {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}: bytes
 * written to one come out of the other, and killing socat hangs both up, as unplugging a board
 * does. Tests that need one are skipped, with the reason, only when socat is not installed
 * ({@code make deps} installs it), and fail then under make test ({@link NativeSupport#require}).
 */
public final class SocatPtyPair implements AutoCloseable {

    private static final Pattern PTY_LINE = Pattern.compile("PTY is (\\S+)");

    private final Process socat;
    public final String first;
    public final String second;

    private SocatPtyPair(Process socat, String first, String second) {
        this.socat = socat;
        this.first = first;
        this.second = second;
    }

    public static SocatPtyPair start() throws IOException, InterruptedException {
        NativeSupport.require(onPath("socat"), "socat is not installed, so the real-pty tests cannot run", "make deps");
        Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<List<String>> names = CompletableFuture.supplyAsync(() -> readPtyNames(p));
        try {
            List<String> found = names.get(10, TimeUnit.SECONDS);
            return new SocatPtyPair(p, found.get(0), found.get(1));
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("socat did not print two pty names within 10 s", e);
        }
    }

    private static List<String> readPtyNames(Process p) {
        List<String> found = new ArrayList<>();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            String line;
            while (found.size() < 2 && (line = err.readLine()) != null) {
                Matcher m = PTY_LINE.matcher(line);
                if (m.find()) {
                    found.add(m.group(1));
                }
            }
            // keep draining socat's log so that it never blocks on a full pipe
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (err.readLine() != null) {
                        // discard
                    }
                } catch (IOException ignored) {
                    // socat is gone
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (found.size() < 2) {
            throw new IllegalStateException("socat exited before printing two pty names");
        }
        return found;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** Kills socat: both ptys hang up and their nodes disappear. */
    void kill() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
