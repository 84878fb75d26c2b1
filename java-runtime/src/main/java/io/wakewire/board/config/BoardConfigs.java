package io.wakewire.board.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A place board configs live: a directory of {@code <name>.conf} files, or the copy bundled in the
 * wakewire jar under {@code board-configs/}. {@link #locate()} picks one in this order:
 * <ol>
 *   <li>the system property {@code wakewire.boardConfigs} (a directory; it must exist);</li>
 *   <li>a {@code board-configs/} directory in the working directory or any parent (a checkout);</li>
 *   <li>the jar's bundled copy (an installed command run anywhere).</li>
 * </ol>
 * Trade-off: a checkout's files win over the jar, so editing a .conf takes effect without a
 * rebuild; the price is that a stray {@code board-configs/} above the working directory would win
 * too, which {@link #where()} makes visible.
 */
public final class BoardConfigs {

    /** The system property that names the directory explicitly. */
    public static final String PROPERTY = "wakewire.boardConfigs";
    private static final String RESOURCE_DIR = "board-configs/";

    private final Path dir;

    private BoardConfigs(Path dir) {
        this.dir = dir;
    }

    /** Configs in {@code dir}. */
    public static BoardConfigs in(Path dir) {
        return new BoardConfigs(dir);
    }

    /** The jar's bundled copy (whether or not it is there: {@link #names()} is empty when it is not). */
    public static BoardConfigs bundled() {
        return new BoardConfigs(null);
    }

    /** Finds the configs as the class comment says. */
    public static BoardConfigs locate() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            if (!Files.isDirectory(p)) {
                throw new BoardConfigException("-D" + PROPERTY + "=" + prop, 0, null, "is not a directory");
            }
            return in(p);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("board-configs");
            if (Files.isDirectory(candidate) && hasConf(candidate)) {
                return in(candidate);
            }
        }
        return bundled();
    }

    /** Where these configs are, for messages: a directory, or "the wakewire jar". */
    public String where() {
        return dir != null ? display(dir) : "board-configs/ in the wakewire jar";
    }

    /** The names of the boards there, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        if (dir != null) {
            if (!Files.isDirectory(dir)) {
                throw new BoardConfigException(where(), 0, null, "is not a directory (a directory of <board>.conf files)");
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf"))
                        .forEach(n -> names.add(n.substring(0, n.length() - ".conf".length())));
            } catch (IOException e) {
                throw new BoardConfigException(where(), 0, null, "cannot list: " + e.getMessage());
            }
        } else {
            names.addAll(bundledNames());
        }
        names.sort(null);
        return names;
    }

    /** Loads and checks the board {@code name}; an unknown name lists the known ones. */
    public BoardConfig load(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw new BoardConfigException(where(), 0, null, "'" + name
                    + "' is not a board name (letters, digits, '-', '_'); known boards: " + String.join(", ", names()));
        }
        String text;
        String file;
        if (dir != null) {
            Path p = dir.resolve(name + ".conf");
            file = display(p);
            if (!Files.isRegularFile(p)) {
                throw unknown(name);
            }
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BoardConfigException(file, 0, null, "cannot read: " + e);
            }
        } else {
            file = RESOURCE_DIR + name + ".conf";
            try (InputStream in = BoardConfigs.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name + ".conf")) {
                if (in == null) {
                    throw unknown(name);
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BoardConfigException(file, 0, null, "cannot read: " + e);
            }
        }
        return BoardConfigReader.read(file, text);
    }

    private BoardConfigException unknown(String name) {
        List<String> known = names();
        return new BoardConfigException(where(), 0, null, "no board '" + name + "' (known boards: "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
    }

    private static boolean hasConf(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".conf"));
        } catch (IOException e) {
            return false;
        }
    }

    /** A path relative to the working directory when it lies below it, as people type them. */
    private static String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** The .conf files bundled in the jar (or in target/classes when running from a build tree). */
    private static List<String> bundledNames() {
        List<String> names = new ArrayList<>();
        URL url = BoardConfigs.class.getClassLoader().getResource(RESOURCE_DIR);
        if (url == null) {
            return names;
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection c = (JarURLConnection) url.openConnection();
                c.setUseCaches(false);
                try (JarFile jar = c.getJarFile()) {
                    for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                        String n = en.nextElement().getName();
                        if (n.startsWith(RESOURCE_DIR) && n.endsWith(".conf") && n.indexOf('/', RESOURCE_DIR.length()) < 0) {
                            names.add(n.substring(RESOURCE_DIR.length(), n.length() - ".conf".length()));
                        }
                    }
                }
            } else if ("file".equals(url.getProtocol())) {
                names.addAll(in(Path.of(url.toURI())).names());
            }
        } catch (IOException | URISyntaxException e) {
            throw new BoardConfigException(RESOURCE_DIR + " in the wakewire jar", 0, null, "cannot list: " + e);
        }
        return names;
    }
}
