package io.wakewire.pi;

import io.wakewire.pin.Level;
import io.wakewire.pin.EdgeFilter;

import static io.wakewire.pin.Level.HIGH;
import static io.wakewire.pin.Level.LOW;
import static org.junit.jupiter.api.Assertions.*;

import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Opening, validating and closing pins, and what close() leaves behind. */
class PiGpioTest {

    @Test
    void badPinsAndSettingsAreRefusedWithTheirName() {
        try (PiGpio gpio = MockPi.gpio()) {
            var e = assertThrows(IllegalArgumentException.class, () -> gpio.input(40));
            assertTrue(e.getMessage().contains("BCM pin 40") && e.getMessage().contains("0..27"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> gpio.output(-1));
            e = assertThrows(IllegalArgumentException.class, () -> gpio.input(4, InputOptions.defaults().withDebounce(Duration.ofMillis(-1))));
            assertTrue(e.getMessage().contains("input options") && e.getMessage().contains("debounce"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> gpio.input(4, InputOptions.defaults().withPull(null)));
            assertTrue(e.getMessage().contains("pull"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> gpio.input(4, InputOptions.defaults().withBuffer(0)));
            assertTrue(e.getMessage().contains("edge buffer"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> gpio.input(4).nextEdge(null));
            assertTrue(e.getMessage().contains("RISING, FALLING or BOTH"), e.getMessage());
        }
    }

    /** The real-Pi plugins are runtime dependencies; a context built from the mock providers must not pick them. */
    @Test
    void theMockContextUsesOnlyMockProvidersEvenWithTheGpiodPluginPresent() throws Exception {
        Class.forName("com.pi4j.plugin.gpiod.GpioDPlugin");   // on the class path, as on a Pi
        try (PiGpio gpio = MockPi.gpio()) {
            var ids = gpio.pi4j().providers().all().keySet();
            assertFalse(ids.isEmpty());
            assertTrue(ids.stream().allMatch(id -> id.startsWith("mock-")), "providers: " + ids);
        }
    }

    @Test
    void aPinCannotBeOpenedTwice() {
        try (PiGpio gpio = MockPi.gpio()) {
            gpio.input(17);
            var e = assertThrows(IllegalStateException.class, () -> gpio.output(17));
            assertTrue(e.getMessage().contains("GPIO17 is already open"), e.getMessage());
        }
    }

    @Test
    void outputsWriteAndReportChangesToAHook() throws Exception {
        try (PiGpio gpio = MockPi.gpio()) {
            PiOutput out = gpio.output(27);
            assertEquals(LOW, out.level());
            List<Level> seen = new ArrayList<>();
            AutoCloseable hook = out.onChange(seen::add);

            out.write(HIGH);
            assertEquals(DigitalState.HIGH, out.digitalOutput().state());
            out.toggle();
            out.high();
            hook.close();
            out.low();

            assertEquals(List.of(HIGH, LOW, HIGH), seen, "the hook saw each change until it was closed");
            out.close();
            var e = assertThrows(IllegalStateException.class, () -> out.write(HIGH));
            assertTrue(e.getMessage().contains("GPIO27 output is closed"), e.getMessage());
        }
    }

    @Test
    void closeEndsWaitsAndShutsPi4jDown() {
        PiGpio gpio = MockPi.gpio();
        PiInput in = gpio.input(17);
        ManualContext cx = new ManualContext();
        var next = in.nextEdge(EdgeFilter.BOTH);
        assertTrue(cx.poll(next).isPending());

        gpio.close();

        assertTrue(gpio.pi4j().isShutdown());
        assertTrue(in.isClosed());
        assertThrows(PinClosedException.class, () -> cx.poll(next));
        var e = assertThrows(IllegalStateException.class, () -> gpio.input(18));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertDoesNotThrow(gpio::close);
    }

    /**
     * Pi4J's runtime pool threads are not daemons: left running they keep the JVM alive.
     * The test makes Pi4J start one (the mock plugin starts none by itself) and checks that
     * close() leaves no non-daemon thread of its making behind.
     */
    @Test
    void closeLeavesNoNonDaemonThreadBehind() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        PiGpio gpio = MockPi.gpio();
        gpio.input(17);
        gpio.output(27).high();
        gpio.pi4j().submitTask(() -> { }).get(5, TimeUnit.SECONDS);
        List<Thread> started = newNonDaemonThreads(before);
        assertFalse(started.isEmpty(), "Pi4J started a pool thread (else this test proves nothing)");

        gpio.close();

        for (Thread t : started) {
            t.join(5_000);
        }
        List<Thread> left = newNonDaemonThreads(before);
        assertTrue(left.isEmpty(), "threads alive after close: "
                + left.stream().map(Thread::getName).collect(Collectors.joining(", ")));
    }

    /** Pi4J's non-daemon threads started since {@code before} (its pools are named "Pi4J.*"). */
    private static List<Thread> newNonDaemonThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && !t.isDaemon() && t.isAlive())
                .filter(t -> t.getName().toLowerCase(java.util.Locale.ROOT).contains("pi4j"))
                .toList();
    }
}
