package io.wakewire.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads the native reactor ({@code libwakewire-reactor.so}) from inside the jar, once.
 *
 * <p>The library travels as a resource {@code io/wakewire/native/linux-<arch>/libwakewire-reactor.so}
 * (built by {@code make reactor}); it is copied to a temporary file and {@link System#load}ed,
 * because a library inside a jar cannot be mapped where it is. The system property
 * {@code wakewire.native} chooses: {@code auto} (default) uses it when it loads and otherwise
 * falls back to the JDK parker and jssc, saying once at INFO why; {@code off} never loads it;
 * {@code on} makes every use fail with the reason instead of falling back.
 *
 * <p>Trade-off: one temporary file per JVM (deleted on exit) against asking users to install a
 * library or set {@code java.library.path}.
 */
public final class NativeLibrary {

    static final String PROPERTY = "wakewire.native";
    private static final String LIBRARY = "libwakewire-reactor.so";
    private static final System.Logger LOG = System.getLogger(NativeLibrary.class.getName());

    private NativeLibrary() {
    }

    private static final class Holder {
        static final String FAILURE = load(); // null when loaded
    }

    /** The value of {@code wakewire.native}; a wrong value is a clear error, not a silent default. */
    public static String mode() {
        String mode = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("on") && !mode.equals("off")) {
            throw new IllegalArgumentException("system property " + PROPERTY + "=" + System.getProperty(PROPERTY)
                    + " is not understood: use auto, on or off");
        }
        return mode;
    }

    /**
     * True when the native reactor can be used. In mode {@code on} a library that does not load is
     * an {@link IllegalStateException} naming the reason.
     */
    public static boolean available() {
        String mode = mode();
        if (mode.equals("off")) {
            return false;
        }
        String failure = Holder.FAILURE;
        if (failure != null && mode.equals("on")) {
            throw new IllegalStateException(PROPERTY + "=on but the native reactor cannot be used: " + failure);
        }
        return failure == null;
    }

    /** Why the library is not used, or null when it is. */
    public static String unavailableReason() {
        return mode().equals("off") ? PROPERTY + "=off" : Holder.FAILURE;
    }

    /** The resource directory name for this machine, e.g. linux-x86_64; null when not Linux. */
    static String platform() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        String arch = System.getProperty("os.arch", "");
        return "linux-" + switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "arm", "armv7l", "armhf" -> "armhf";
            default -> arch;
        };
    }

    private static String load() {
        String failure = tryLoad();
        if (failure != null && !"on".equals(System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT))) {
            LOG.log(System.Logger.Level.INFO, "wakewire: native reactor not used (" + failure
                    + "); falling back to the JDK parker and the jssc serial transport");
        }
        return failure;
    }

    private static String tryLoad() {
        String platform = platform();
        if (platform == null) {
            return "it exists for Linux only, this is " + System.getProperty("os.name");
        }
        return tryLoad("/io/wakewire/native/" + platform + "/" + LIBRARY, platform);
    }

    /** Loads {@code resource}; null on success, else why not (package-private for the failure tests). */
    static String tryLoad(String resource, String platform) {
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "the jar has no " + resource + " (not built for " + platform + ": `make reactor`)";
            }
            Path file = Files.createTempFile("wakewire-reactor-", ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toAbsolutePath().toString());
            long probe = NativeCalls.create(); // every symbol links lazily: call one to know
            if (probe < 0) {
                return "the library loaded but could not make an epoll set: " + Errno.name((int) -probe);
            }
            NativeCalls.destroy(probe);
            return null;
        } catch (IOException e) {
            return "could not extract " + resource + " to a temporary file: " + e.getMessage();
        } catch (UnsatisfiedLinkError e) {
            return "could not load " + resource + ": " + e.getMessage();
        }
    }
}
