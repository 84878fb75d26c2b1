package io.wakewire.pi;

/** A wait on a pin that was closed (or whose {@link PiGpio} was closed) before an edge came. */
public final class PinClosedException extends IllegalStateException {

    private final int pin;

    public PinClosedException(int pin) {
        super("GPIO" + pin + " is closed");
        this.pin = pin;
    }

    public int pin() {
        return pin;
    }
}
