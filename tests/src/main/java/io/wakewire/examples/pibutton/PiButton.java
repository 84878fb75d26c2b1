package io.wakewire.examples.pibutton;

import static io.wakewire.task.Async.await;

import io.wakewire.pi.InputOptions;
import io.wakewire.pi.PiGpio;
import io.wakewire.pi.PiInput;
import io.wakewire.pi.PiOutput;
import io.wakewire.pi.Pull;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import java.time.Duration;

public class PiButton {   // tests/src/main/java/io/wakewire/examples/pibutton/PiButton.java
    public static void main(String[] args) {
        try (PiGpio gpio = PiGpio.open();                       // Pi4J + gpiod on a Pi
             Executor ex = Executor.create()) {
            PiInput button = gpio.input(17, InputOptions.defaults()
                    .withPull(Pull.PULL_DOWN).withDebounce(Duration.ofMillis(5)));
            PiOutput led = gpio.output(27);
            ex.blockOn(Async.run(() -> {
                try (EdgeStream presses = button.edges(EdgeFilter.RISING)) {
                    for (;;) {
                        Edge e = await(presses.next());         // the same Edge as a board pin's
                        led.toggle();
                    }
                }
            }));
        }                                                       // close(): Pi4J's threads are not daemons
    }
}
