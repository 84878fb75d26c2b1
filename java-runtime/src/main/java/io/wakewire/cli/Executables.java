package io.wakewire.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the external programs the command runs (avrdude, make), so that a missing one is a clear
 * message with the one apt-get line that installs it, never an {@code IOException} from
 * {@code ProcessBuilder}.
 */
final class Executables {

    private Executables() {
    }

    /**
     * {@code nameOrPath} itself when it contains a slash (it must then be executable), else the
     * first match on {@code PATH}.
     *
     * @param aptPackage the Debian/Ubuntu package that provides it, for the message
     */
    static Path require(String nameOrPath, String aptPackage) {
        if (nameOrPath.contains(File.separator)) {
            Path p = Path.of(nameOrPath);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
            throw new CliException(ExitCode.MISSING_TOOL, nameOrPath + " is not an executable file; install "
                    + aptPackage + " (sudo apt-get install " + aptPackage + ") or point to it");
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, nameOrPath);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        throw new CliException(ExitCode.MISSING_TOOL, nameOrPath + " was not found on PATH; install it: sudo apt-get install "
                + aptPackage + " (or `make deps` in the wakewire checkout)");
    }
}
