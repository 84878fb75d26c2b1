package io.wakewire.bench.pi;

import static io.wakewire.pin.EdgeFilter.RISING;
import static io.wakewire.task.Async.async;
import static io.wakewire.task.Async.await;

import com.pi4j.Pi4J;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.EdgesLostException;
import io.wakewire.pi.InputOptions;
import io.wakewire.pi.PiGpio;
import io.wakewire.pi.PiInput;
import io.wakewire.pi.PiOutput;
import io.wakewire.pi.Pull;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;
import java.time.Duration;

/**
 * {@code make example-pi}: a button on GPIO17 toggles an LED on GPIO27, one task, no thread of
 * its own per pin. By default on Pi4J's mock GPIO, with a thread standing in for a finger;
 * {@code make example-pi PI=real} on a Raspberry Pi (button from GPIO17 to 3.3 V, LED on GPIO27).
 * Stops after {@code PRESSES} presses or when no press comes for 10 s.
 */
public final class PiButtonDemo {

    private PiButtonDemo() {}

    public static void main(String[] args) throws Exception {
        boolean real = args.length > 0 && args[0].equals("real");
        if (args.length > 0 && !real && !args[0].equals("mock")) {
            System.err.println("example-pi: PI=" + args[0] + " is neither mock nor real");
            System.exit(2);
        }
        int presses = 5;
        if (args.length > 1) {
            try {
                presses = Integer.parseInt(args[1]);
            } catch (NumberFormatException e) {
                presses = -1;
            }
            if (presses < 1) {
                System.err.println("example-pi: PRESSES=" + args[1] + " is not a positive whole number");
                System.exit(2);
            }
        }
        int wanted = presses;
        try (PiGpio gpio = real ? PiGpio.open() : mockGpio();
             Executor ex = Executor.create()) {
            PiInput button = gpio.input(17, InputOptions.defaults().withPull(Pull.PULL_DOWN).withDebounce(Duration.ofMillis(5)));
            PiOutput led = gpio.output(27);
            System.out.println((real ? "press the button on GPIO17" : "mock GPIO: a thread presses GPIO17")
                    + " " + presses + " times; GPIO27 toggles on each press");
            if (!real) {
                startFakeFinger((MockDigitalInput) button.digitalInput(), wanted);
            }
            int seen = ex.blockOn(async(() -> {
                EdgeStream rising = button.edges(RISING);
                int n = 0;
                while (n < wanted) {
                    try {
                        Edge e = await(Futures.timeout(rising.next(), Duration.ofSeconds(10)));
                        long woke = System.nanoTime();
                        led.toggle();
                        n++;
                        System.out.printf("press %d: %s %s, task ran %.1f us after the listener; LED %s%n",
                                n, e.pin(), e.level(), (woke - e.hostNanos()) / 1000.0, led.level());
                    } catch (EdgesLostException lost) {
                        System.out.println("missed " + lost.count() + " edge(s): " + lost.getMessage());
                    } catch (TimedOutException quiet) {
                        System.out.println("no press for 10 s; stopping");
                        break;
                    }
                }
                return n;
            }));
            System.out.println(seen + " press(es); " + button.edgesSeen() + " edges seen, " + button.lostTotal() + " lost");
        }
    }

    private static PiGpio mockGpio() {
        return PiGpio.of(Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build());
    }

    /** Presses and releases the mock button every 200 ms, as a Pi4J listener thread would report it. */
    private static void startFakeFinger(MockDigitalInput button, int presses) {
        Thread finger = new Thread(() -> {
            try {
                for (int i = 0; i < presses; i++) {
                    Thread.sleep(200);
                    button.mockState(com.pi4j.io.gpio.digital.DigitalState.HIGH);
                    Thread.sleep(50);
                    button.mockState(com.pi4j.io.gpio.digital.DigitalState.LOW);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fake-finger");
        finger.setDaemon(true);
        finger.start();
    }
}
