package io.wakewire.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which processes hold a serial port open, read from {@code /proc/<pid>/fd} (Linux).
 *
 * <p>Why: two programs on one tty do not fail on open (Linux has no lock unless someone sets
 * TIOCEXCL); they silently split the bytes between them, and avrdude then reports a board that
 * is "not in sync". Naming the other program before starting turns that into a one-line fix.
 * The creator of a pseudo-terminal (it holds {@code /dev/ptmx}, the master side) is not counted.
 * Trade-off: only processes of the same user (or all, as root) are visible, and elsewhere than
 * Linux the check finds nothing; it is a courtesy, never a guarantee.
 */
final class PortUsers {

    /** One process that has the port open. */
    record User(long pid, String command) {
        @Override
        public String toString() {
            return "pid " + pid + " (" + command + ")";
        }
    }

    private PortUsers() {
    }

    /**
     * Fails with {@link ExitCode#PORT} when {@code port} does not exist, is not a serial port
     * ({@link PortKind}), or another process holds
     * it (this process does not count: a link it closed a moment ago may still be winding down).
     */
    static void requireFree(String port) {
        if (!Files.exists(Path.of(port))) {
            throw new CliException(ExitCode.PORT, "port " + port + " does not exist: is the board plugged in?"
                    + " `wakewire ports` lists the serial ports");
        }
        PortKind.requireSerialPort(port); // before the holders: every shell holds /dev/null
        long self = ProcessHandle.current().pid();
        List<User> users = of(port).stream().filter(u -> u.pid() != self).toList();
        if (!users.isEmpty()) {
            throw new CliException(ExitCode.PORT, "port " + port + " is busy: held open by " + users.get(0)
                    + (users.size() > 1 ? " and " + (users.size() - 1) + " more" : "")
                    + "; close that program (a serial monitor, `wakewire monitor`, ModemManager) and try again");
        }
    }

    /** The processes with {@code port} open; empty when none or when /proc is not there. */
    static List<User> of(String port) {
        Path target;
        try {
            target = Path.of(port).toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        Path proc = Path.of("/proc");
        List<User> users = new ArrayList<>();
        if (!Files.isDirectory(proc)) {
            return users;
        }
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            Path ptmx = Path.of("/dev/ptmx");
            boolean pty = target.startsWith("/dev/pts/");
            for (Path pidDir : pids) {
                // the program that made a pseudo-terminal (socat, the virtual board) keeps its
                // slave open too; it is the other end of the line, not a competitor for it
                if (holds(pidDir.resolve("fd"), target) && !(pty && holds(pidDir.resolve("fd"), ptmx))) {
                    long pid = Long.parseLong(pidDir.getFileName().toString());
                    users.add(new User(pid, command(pidDir).orElse("?")));
                }
            }
        } catch (IOException e) {
            return users;
        }
        return users;
    }

    private static boolean holds(Path fdDir, Path target) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).equals(target)) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException | SecurityException e) {
            // another user's process, or gone
        }
        return false;
    }

    private static Optional<String> command(Path pidDir) {
        try {
            String c = Files.readString(pidDir.resolve("comm"), StandardCharsets.UTF_8).strip();
            return c.isEmpty() ? Optional.empty() : Optional.of(c);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
