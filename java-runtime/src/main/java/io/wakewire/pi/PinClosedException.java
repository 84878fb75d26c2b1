package io.wakewire.pi;

/** A wait on a pin that was closed (or whose {@link PiGpio} was closed) before an edge came. */
public final class PinClosedException extends IllegalStateException {

    private final String pin;

    public PinClosedException(String pin) {
        super(pin + " is closed");
        this.pin = pin;
    }

    /** The pin's name: {@code GPIO17}. */
    public String pin() {
        return pin;
    }
}
