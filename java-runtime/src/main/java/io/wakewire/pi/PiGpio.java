package io.wakewire.pi;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.exception.Pi4JException;
import com.pi4j.io.IO;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import io.wakewire.pin.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The facade over one Pi4J {@link Context}: open inputs whose edges tasks await, and outputs.
 *
 * <pre>{@code
 * try (PiGpio gpio = PiGpio.open()) {
 *     PiInput button = gpio.input(17, InputOptions.defaults().withPull(PULL_DOWN).withDebounce(Duration.ofMillis(5)));
 *     PiOutput led = gpio.output(27);
 *     ... in a task: Edge e = await(button.nextEdge(RISING)); led.write(HIGH);   // io.wakewire.pin's Edge
 * }
 * }</pre>
 *
 * <p>Pins are named by their BCM number, 0..27 on the 40-pin header of a Pi 4 or Pi 5
 * (board-configs/pi4.conf and pi5.conf list which of them are free for GPIO).
 *
 * <p>{@link #close()} closes every pin still open and shuts the Pi4J context down. That matters:
 * Pi4J's threads are not daemons, so a program that forgets to close keeps its JVM alive.
 */
public final class PiGpio implements AutoCloseable {

    /** BCM numbers on the 40-pin header. */
    public static final int FIRST_PIN = 0;
    public static final int LAST_PIN = 27;

    /** Holds a pin's number while Pi4J opens it, so that two threads cannot both open it. */
    private static final AutoCloseable OPENING = new AutoCloseable() {
        @Override
        public void close() {}

        @Override
        public String toString() {
            return "being opened";
        }
    };

    private final Context pi4j;
    private final Map<Integer, AutoCloseable> open = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** When set, only these BCM numbers may be opened; {@code pinSource} names where the list came from. */
    private volatile Set<Integer> freePins;
    private volatile String pinSource;

    private PiGpio(Context pi4j) {
        this.pi4j = Objects.requireNonNull(pi4j, "Pi4J context");
    }

    /**
     * A context with Pi4J's auto-detected platform and providers: on a Raspberry Pi that is the
     * gpiod provider, when pi4j-plugin-gpiod is on the class path.
     */
    public static PiGpio open() {
        try {
            return new PiGpio(Pi4J.newAutoContext());
        } catch (Pi4JException e) {
            throw new IllegalStateException("Pi4J could not start: " + e.getMessage()
                    + " (on a Raspberry Pi, pi4j-plugin-gpiod must be on the class path)", e);
        }
    }

    /** Take over a context built by the caller (for example one with the mock providers); close() shuts it down. */
    public static PiGpio of(Context pi4j) {
        return new PiGpio(pi4j);
    }

    /**
     * Refuse pins outside {@code pins}, e.g. the pin lines of board-configs/pi4.conf as the board
     * config reader found them; {@code source} names that file in the error. Catches a wrong pin
     * number when it is opened, not when the wrong wire misbehaves.
     */
    public PiGpio restrictTo(Collection<Integer> pins, String source) {
        if (pins == null || pins.isEmpty()) {
            throw new IllegalArgumentException("restrictTo: no pins given" + (source == null ? "" : " from " + source));
        }
        for (int bcm : pins) {
            checkRange(bcm);
        }
        this.pinSource = source == null ? "the allowed pin list" : source;
        this.freePins = Set.copyOf(pins);
        return this;
    }

    /** An input with {@link InputOptions#defaults()}: no pull resistor, no debounce, the default buffer. */
    public PiInput input(int bcm) {
        return input(bcm, InputOptions.defaults());
    }

    /** An input opened as {@code options} say (pull, debounce, buffer). */
    public PiInput input(int bcm, InputOptions options) {
        checkPin(bcm);
        if (options == null) {
            throw new IllegalArgumentException("GPIO" + bcm + ": input options are null (InputOptions.defaults() for none)");
        }
        Pull pull = options.pull();
        Duration debounce = options.debounce();
        reserve(bcm);
        try {
            DigitalInput in = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                    .id(id(bcm))
                    .name("GPIO" + bcm)
                    .address(bcm)
                    .pull(pull.toPi4j())
                    .debounce(debounce.toNanos() / 1000, TimeUnit.MICROSECONDS)
                    .build());
            PiInput pin = new PiInput(this, bcm, in, options);
            open.put(bcm, pin);
            return pin;
        } catch (RuntimeException e) {
            open.remove(bcm);
            throw failure(bcm, "input", e);
        }
    }

    /** An output, initially LOW. */
    public PiOutput output(int bcm) {
        return output(bcm, Level.LOW);
    }

    public PiOutput output(int bcm, Level initial) {
        checkPin(bcm);
        if (initial == null) {
            throw new IllegalArgumentException("GPIO" + bcm + ": the initial level must be LOW or HIGH, not null");
        }
        reserve(bcm);
        try {
            DigitalOutput out = pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                    .id(id(bcm))
                    .name("GPIO" + bcm)
                    .address(bcm)
                    .initial(PiLevels.toPi4j(initial))
                    .shutdown(PiLevels.toPi4j(initial))
                    .build());
            PiOutput pin = new PiOutput(this, bcm, out);
            open.put(bcm, pin);
            return pin;
        } catch (RuntimeException e) {
            open.remove(bcm);
            throw failure(bcm, "output", e);
        }
    }

    /** The Pi4J context, for what this facade does not cover (I2C, SPI, PWM). */
    public Context pi4j() {
        return pi4j;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Close every open pin (pending waits end with {@link PinClosedException}), then shut Pi4J down. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable pin : new ArrayList<>(open.values())) {
            try {
                pin.close();
            } catch (Exception e) {
                // keep closing the others; Pi4J's shutdown below releases the pin anyway
            }
        }
        if (!pi4j.isShutdown()) {
            pi4j.shutdown();
        }
    }

    /** Called by a pin when it closes: free its number and its Pi4J instance. */
    void released(int bcm, IO<?, ?, ?> io) {
        open.remove(bcm);
        if (!pi4j.isShutdown()) {
            try {
                pi4j.shutdown(io);
            } catch (Pi4JException e) {
                // already gone from the registry: nothing left to release
            }
        }
    }

    private void reserve(int bcm) {
        if (closed) {
            throw new IllegalStateException("GPIO" + bcm + ": this PiGpio is closed");
        }
        AutoCloseable previous = open.putIfAbsent(bcm, OPENING);
        if (previous != null) {
            throw new IllegalStateException("GPIO" + bcm + " is already open (" + previous + "); close it first");
        }
    }

    private void checkPin(int bcm) {
        checkRange(bcm);
        Set<Integer> free = freePins;
        if (free != null && !free.contains(bcm)) {
            throw new IllegalArgumentException("GPIO" + bcm + " is not a free GPIO pin in " + pinSource + " (free: "
                    + new TreeSet<>(free).stream().map(n -> "GPIO" + n).collect(Collectors.joining(" ")) + ")");
        }
    }

    private static void checkRange(int bcm) {
        if (bcm < FIRST_PIN || bcm > LAST_PIN) {
            throw new IllegalArgumentException("BCM pin " + bcm + " is not on the 40-pin header (valid: "
                    + FIRST_PIN + ".." + LAST_PIN + ")");
        }
    }

    private static String id(int bcm) {
        return "wakewire-gpio" + bcm;
    }

    /** Pi4J's own error, with the pin and what was being done; a hint where the cause is usually the machine. */
    private static RuntimeException failure(int bcm, String what, RuntimeException e) {
        String hint = String.valueOf(e.getMessage()).contains("gpio chip")
                ? " (is this a Raspberry Pi with /dev/gpiochip0 readable by this user?)" : "";
        return new IllegalStateException("GPIO" + bcm + ": Pi4J could not open the pin as an " + what + ": "
                + e.getMessage() + hint, e);
    }
}
