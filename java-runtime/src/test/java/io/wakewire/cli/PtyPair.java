package io.wakewire.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two connected pseudo-terminals made by socat, standing in for a serial port with nothing (or
 * something silent) at the other end. Skips the test (visibly) where socat is not installed.
 */
final class PtyPair implements AutoCloseable {

    final Path a;
    final Path b;
    private final Process socat;

    private PtyPair(Path dir) throws IOException, InterruptedException {
        a = dir.resolve("ptyA");
        b = dir.resolve("ptyB");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed (make deps installs it)");
        socat = new ProcessBuilder("/usr/bin/socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (System.nanoTime() > end || !socat.isAlive()) {
                socat.destroyForcibly();
                throw new IOException("socat made no pty pair in 5 s");
            }
            Thread.sleep(20);
        }
    }

    static PtyPair open(Path dir) throws IOException, InterruptedException {
        return new PtyPair(dir);
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(2, TimeUnit.SECONDS)) {
            socat.destroyForcibly();
        }
    }
}
