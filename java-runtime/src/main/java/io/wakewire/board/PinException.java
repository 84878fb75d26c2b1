package io.wakewire.board;

/**
 * A bad pin name or a pin asked for something it cannot do (PWM on D2, an edge on a pin without
 * an interrupt, an analog read on a digital-only pin). Thrown before anything is sent.
 */
public final class PinException extends BoardException {

    private static final long serialVersionUID = 1L;

    public PinException(String board, String message) {
        super(board, Reason.BAD_PIN, message, null);
    }
}
