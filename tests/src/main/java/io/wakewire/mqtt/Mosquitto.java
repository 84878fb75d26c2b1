package io.wakewire.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Mosquitto broker of the test's own: a free loopback port, a config and a persistence
 * directory in a temp dir (so a restart keeps sessions and retained messages, as a production
 * broker would), never a system service. {@link #stop()} and {@link #start()} restart it on the same port.
 * Shared by the MQTT tests (src/test) and {@code make bench-gateway}, hence here in src/main.
 */
public final class Mosquitto implements AutoCloseable {

    public final int port;
    private final Path dir;
    private Process process;

    private Mosquitto(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static Mosquitto launch(String... extraConfig) {
        try {
            Path dir = Files.createTempDirectory("wakewire-mosquitto");
            int port = freePort();
            boolean anonymousSet = java.util.Arrays.stream(extraConfig).anyMatch(l -> l.startsWith("allow_anonymous"));
            StringBuilder conf = new StringBuilder()
                    .append("listener ").append(port).append(" 127.0.0.1\n")
                    .append(anonymousSet ? "" : "allow_anonymous true\n")
                    // as root, mosquitto would switch to user 'mosquitto', who cannot read this temp dir
                    .append("user ").append(System.getProperty("user.name")).append('\n')
                    .append("persistence true\n")
                    .append("persistence_location ").append(dir).append("/\n")
                    .append("max_queued_messages 100000\n")
                    .append("log_dest file ").append(dir.resolve("mosquitto.log")).append('\n');
            for (String line : extraConfig) {
                conf.append(line).append('\n');
            }
            Files.writeString(dir.resolve("mosquitto.conf"), conf);
            Mosquitto m = new Mosquitto(port, dir);
            m.start();
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port nobody listens on (for a second listener, or a broker that is not there). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public Path dir() {
        return dir;
    }

    public void start() {
        try {
            process = new ProcessBuilder(executable(), "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run mosquitto (make deps installs it): " + e.getMessage(), e);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited: " + read("stdout.log") + read("mosquitto.log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on " + port + " in 10 s");
    }

    /** mosquitto from the PATH, else Debian's /usr/sbin (not on a normal user's PATH). */
    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "mosquitto"))) {
                return Path.of(dir, "mosquitto").toString();
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
    }

    /** SIGTERM: mosquitto saves its sessions and retained messages and exits. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind
        }
    }
}
