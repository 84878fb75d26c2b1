package io.wakewire.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds what the virtual board needs on disk: the {@code vboard} binary, a firmware ELF and the
 * board's config file. Each is taken from a system property when it is set, else from the build
 * tree of the repository found by walking up from the working directory (the first directory that
 * holds both {@code board-configs/} and {@code Makefile}).
 *
 * <table>
 *   <caption>Properties</caption>
 *   <tr><td>{@code wakewire.root}</td><td>the repository root</td></tr>
 *   <tr><td>{@code wakewire.vboard}</td><td>the vboard binary (default {@code build/vboard/vboard})</td></tr>
 *   <tr><td>{@code wakewire.firmware.<board>}</td><td>the ELF (default {@code build/<board>/wakewire.elf})</td></tr>
 *   <tr><td>{@code wakewire.coreFirmware.<board>}</td><td>the ELF without modules (default {@code build/<board>-core/wakewire.elf})</td></tr>
 *   <tr><td>{@code wakewire.boardConfigs}</td><td>the directory of {@code <board>.conf} files</td></tr>
 * </table>
 *
 * A missing file is a {@link VirtualBoardException} that names the path looked at and the make
 * target that builds it, because that is the fix in every case.
 */
public final class BuildArtifacts {

    private final Path root;

    private BuildArtifacts(Path root) {
        this.root = root;
    }

    /** Locates the repository root, or fails saying where the search started. */
    public static BuildArtifacts locate() {
        String prop = System.getProperty("wakewire.root");
        if (prop != null && !prop.isBlank()) {
            return new BuildArtifacts(Paths.get(prop).toAbsolutePath().normalize());
        }
        Path start = Paths.get("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("board-configs")) && Files.isRegularFile(p.resolve("Makefile"))) {
                return new BuildArtifacts(p);
            }
        }
        throw VirtualBoardException.missing("cannot find the wakewire repository (a directory with board-configs/ and"
                + " Makefile) above " + start + "; run from inside the repository or set -Dwakewire.root=<path>", null);
    }

    public Path root() {
        return root;
    }

    /** The vboard binary; fails naming {@code make vboard} when it is not built. */
    public Path vboard() {
        Path p = fromProperty("wakewire.vboard", root.resolve("build/vboard/vboard"));
        if (!Files.isExecutable(p)) {
            throw VirtualBoardException.missing("the virtual board binary " + p + " is missing or not executable;"
                    + " build it with `make vboard` (in " + root + ")", null);
        }
        return p;
    }

    /** The firmware ELF for {@code board}; fails naming {@code make firmware BOARD=...} when it is not built. */
    public Path firmware(String board) {
        Path p = fromProperty("wakewire.firmware." + board, root.resolve("build").resolve(board).resolve("wakewire.elf"));
        if (!Files.isRegularFile(p)) {
            throw VirtualBoardException.missing("the firmware " + p + " is missing; build it with `make firmware BOARD="
                    + board + "` (in " + root + ")", null);
        }
        return p;
    }

    /**
     * The firmware ELF for {@code board} built with no module, the core alone
     * ({@code build/<board>-core/wakewire.elf}); fails naming {@code make firmware BOARD=... MODULES=}.
     */
    public Path coreFirmware(String board) {
        Path p = fromProperty("wakewire.coreFirmware." + board, root.resolve("build").resolve(board + "-core").resolve("wakewire.elf"));
        if (!Files.isRegularFile(p)) {
            throw VirtualBoardException.missing("the core-only firmware " + p + " is missing; build it with `make firmware BOARD="
                    + board + " MODULES=` (in " + root + ")", null);
        }
        return p;
    }

    /** The board's config file {@code <board>.conf}; fails listing the directory looked in. */
    public Path boardConfig(String board) {
        Path dir = fromProperty("wakewire.boardConfigs", root.resolve("board-configs"));
        Path p = dir.resolve(board + ".conf");
        if (!Files.isRegularFile(p)) {
            throw new VirtualBoardException("no board config " + p + " (unknown board '" + board + "'?)");
        }
        return p;
    }

    private static Path fromProperty(String name, Path fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : Paths.get(v).toAbsolutePath().normalize();
    }
}
