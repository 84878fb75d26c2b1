package io.wakewire.link;

import io.wakewire.task.JdkParker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Choosing and loading the native library: the property, the fallback, and why a load fails. */
class NativeLibraryTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(NativeLibrary.PROPERTY);
    }

    @Test
    void aWrongModeIsNamedWithItsProperty() {
        System.setProperty(NativeLibrary.PROPERTY, "maybe");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, NativeLibrary::available);
        assertTrue(e.getMessage().contains("wakewire.native=maybe"), e.getMessage());
        assertTrue(e.getMessage().contains("auto, on or off"), e.getMessage());
    }

    @Test
    void offChoosesTheJdkParkerAndJssc() {
        System.setProperty(NativeLibrary.PROPERTY, "off");
        assertFalse(NativeLibrary.available());
        assertEquals("wakewire.native=off", NativeLibrary.unavailableReason());
        Transports.Choice c = Transports.parkerAndLinks();
        assertFalse(c.nativeReactor());
        assertInstanceOf(JdkParker.class, c.parker());
        assertInstanceOf(JsscSerialLinkFactory.class, c.links());
        assertThrows(IllegalStateException.class, NativeReactor::new);
    }

    @Test
    void onOrAutoChoosesTheReactorWhenItLoads() {
        NativeSupport.requireNative();
        for (String mode : new String[] {"on", "auto", " AUTO "}) {
            System.setProperty(NativeLibrary.PROPERTY, mode);
            Transports.Choice c = Transports.parkerAndLinks();
            assertTrue(c.nativeReactor());
            assertInstanceOf(NativeSerialLinkFactory.class, c.links());
            ((NativeReactor) c.parker()).close();
        }
    }

    @Test
    void aMissingLibrarySaysWhichAndHowToBuildIt() {
        String why = NativeLibrary.tryLoad("/io/wakewire/native/linux-sparc/libwakewire-reactor.so", "linux-sparc");
        assertNotNull(why);
        assertTrue(why.contains("linux-sparc") && why.contains("make reactor"), why);
    }

    @Test
    void aBrokenLibrarySaysWhyItDidNotLoad() {
        String why = NativeLibrary.tryLoad("/io/wakewire/link/not-a-library.so", "linux-test");
        assertNotNull(why);
        assertTrue(why.startsWith("could not load /io/wakewire/link/not-a-library.so"), why);
    }

    @Test
    void thisMachinesPlatformIsNamedAsTheBuildNamesIt() {
        String p = NativeLibrary.platform();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertTrue(p.matches("linux-(x86_64|aarch64|armhf|.+)"), p);
            assertFalse(p.contains("amd64"), "the Makefile names it x86_64, as uname -m does: " + p);
        }
    }
}
