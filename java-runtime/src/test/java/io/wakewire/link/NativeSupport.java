package io.wakewire.link;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one gate of tests that need something Maven does not build: the native reactor, the virtual
 * board and firmware, the packaged jar, socat, avrdude. Outside {@code make test} a missing
 * prerequisite skips the test, with the reason and the command that provides it; under
 * {@code make test} (WAKEWIRE_NATIVE_REQUIRED, set by the top Makefile and native/reactor.mk) it
 * fails instead, because there everything is built and installed first: a broken build or a
 * missing package must not pass as skipped.
 */
public final class NativeSupport {

    /** The switch: set, nothing may skip. */
    public static final String REQUIRED_ENV = "WAKEWIRE_NATIVE_REQUIRED";

    private NativeSupport() {
    }

    static void requireNative() {
        require(NativeLibrary.available(), "the native reactor is unavailable: " + NativeLibrary.unavailableReason(),
                "make reactor");
    }

    /**
     * Fails (under make test) or skips (elsewhere) unless {@code present}.
     *
     * @param why  what is missing
     * @param make the command that builds or installs it
     */
    public static void require(boolean present, String why, String make) {
        if (required()) {
            Assertions.assertTrue(present, why + " (make test provides it with `" + make + "`; this must not happen there)");
        } else {
            Assumptions.assumeTrue(present, why + " — run `" + make + "` before the Maven build");
        }
    }

    public static boolean required() {
        return System.getenv(REQUIRED_ENV) != null;
    }
}
