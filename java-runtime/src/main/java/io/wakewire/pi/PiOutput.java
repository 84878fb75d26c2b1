package io.wakewire.pi;

import io.wakewire.pin.Level;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A Pi GPIO output: {@code gpio.output(27).write(HIGH)}. Writing is a plain synchronous call
 * into Pi4J (a few microseconds through gpiod); there is nothing to await.
 *
 * <p>{@link #onChange} is the hook for wiring an output to something else in a test, for example
 * a virtual board's reset line or input pin: the callback runs synchronously in the writing thread,
 * after Pi4J has applied the level.
 */
public final class PiOutput implements AutoCloseable {

    private final PiGpio owner;
    private final int pin;
    private final DigitalOutput output;
    private final AtomicBoolean closed = new AtomicBoolean();

    PiOutput(PiGpio owner, int pin, DigitalOutput output) {
        this.owner = owner;
        this.pin = pin;
        this.output = output;
    }

    public PiOutput write(Level level) {
        Objects.requireNonNull(level, "level");
        checkOpen();
        output.state(PiLevels.toPi4j(level));
        return this;
    }

    public PiOutput high() {
        return write(Level.HIGH);
    }

    public PiOutput low() {
        return write(Level.LOW);
    }

    public PiOutput toggle() {
        return write(level().inverse());
    }

    /** The level last written (Pi4J's view of the output). */
    public Level level() {
        return PiLevels.of(output.state());
    }

    /**
     * Call {@code listener} with the new level each time the output changes; close the returned
     * handle to stop. Runs on the writing thread, so keep it short and non-blocking.
     */
    public AutoCloseable onChange(Consumer<Level> listener) {
        Objects.requireNonNull(listener, "listener");
        DigitalStateChangeListener l = event -> listener.accept(PiLevels.of(event.state()));
        output.addListener(l);
        return () -> output.removeListener(l);
    }

    public int pin() {
        return pin;
    }

    /** The underlying Pi4J output. */
    public DigitalOutput digitalOutput() {
        return output;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Release the pin in Pi4J (its configured shutdown state applies). Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            owner.released(pin, output);
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("GPIO" + pin + " output is closed");
        }
    }

    @Override
    public String toString() {
        return "GPIO" + pin + " output (" + level() + ")";
    }
}
