package io.wakewire.board.config;

/** A pin name or number the board does not have; the message names the board and lists its pins. */
public final class NoSuchPinException extends IllegalArgumentException {

    NoSuchPinException(String message) {
        super(message);
    }
}
