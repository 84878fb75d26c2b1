package io.wakewire.link;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The gate of the native tests: skipped, with the reason, only when the native library is
 * genuinely unavailable; under {@code make test} (WAKEWIRE_NATIVE_REQUIRED set by native/reactor.mk)
 * an unavailable library fails instead, so a broken build cannot pass as skipped.
 */
final class NativeSupport {

    private NativeSupport() {
    }

    static void requireNative() {
        boolean ok = NativeLibrary.available();
        String why = "the native reactor is unavailable: " + NativeLibrary.unavailableReason();
        if (System.getenv("WAKEWIRE_NATIVE_REQUIRED") != null) {
            Assertions.assertTrue(ok, why + " (make test builds it with `make reactor`; this must not happen there)");
        } else {
            Assumptions.assumeTrue(ok, why + " — run `make reactor` before the Maven build");
        }
    }
}
