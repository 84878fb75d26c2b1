package io.wakewire.examples.firstedge;

import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardException;
import java.time.Duration;

/**
 * {@code make example-edge}: runs the README's {@link FirstEdge} as it is, against a real board's
 * port when one is given, else against a virtual Uno whose D2 a helper thread pulses every 300 ms.
 */
public final class RunFirstEdge {

    private RunFirstEdge() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && !args[0].isBlank()) {
            FirstEdge.main(new String[] {args[0]});
            return;
        }
        try (VirtualBoard vb = VirtualBoard.start("uno")) {
            System.out.println("virtual uno on " + vb.port() + " (pulsing D2 every 300 ms)");
            Thread pulses = new Thread(() -> {
                try {
                    while (vb.isAlive()) {
                        Thread.sleep(300);
                        vb.pulse("D2", Duration.ofMillis(1));
                    }
                } catch (InterruptedException | VirtualBoardException e) {
                    // the example is over
                }
            }, "example-pulses");
            pulses.setDaemon(true);
            pulses.start();
            FirstEdge.main(new String[] {vb.port()});
        }
    }
}
