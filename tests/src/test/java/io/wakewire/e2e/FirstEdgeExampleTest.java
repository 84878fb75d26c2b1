package io.wakewire.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wakewire.examples.firstedge.FirstEdge;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's FirstEdge, as it is, against a virtual Uno whose D2 a thread pulses: it prints the edge. */
@Timeout(60)
class FirstEdgeExampleTest {

    @Test
    void theReadmeProgramPrintsTheRisingEdgeOfD2() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AtomicBoolean done = new AtomicBoolean();
        try (VirtualRig rig = VirtualRig.start("uno")) {
            Thread pulses = new Thread(() -> {
                while (!done.get()) {
                    try {
                        Thread.sleep(100);
                        rig.vboard.pulse("D2", Duration.ofMillis(1));
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        return; // the board is closing
                    }
                }
            }, "d2-pulses");
            pulses.setDaemon(true);
            pulses.start();
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                FirstEdge.main(new String[] {rig.vboard.port()});
            } finally {
                System.setOut(out);
                done.set(true);
                pulses.join(5_000);
            }
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s)D2 rose at board tick \\d+, -?\\d+ µs ago\\R"), text);
    }
}
