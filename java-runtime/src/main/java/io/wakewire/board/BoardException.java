package io.wakewire.board;

/**
 * The common type of every failure a board reports or a session detects; the message names the
 * board. The family is sealed and each failure says what happened by its {@link #reason()} (and its
 * type), so callers switch on those and never on the message:
 * <pre>{@code
 * switch (e.reason()) {
 *     case NO_HELLO, SILENT -> ...   // nothing (sensible) answering
 *     case BAD_PIN -> ...            // a mistake in the call, before anything was sent
 *     default -> ...
 * }
 * }</pre>
 * A command that gets no answer in time is not a BoardException but the runtime's one timeout type,
 * {@link io.wakewire.task.TimedOutException} (the same as any {@code Futures.timeout}).
 */
public abstract sealed class BoardException extends RuntimeException
        permits BoardDisconnectedException, BoardMismatchException, BoardNakException, ModuleMissingException,
        PinException, I2cException {

    private static final long serialVersionUID = 1L;

    /** What happened; each subtype has one reason, {@link BoardDisconnectedException} several. */
    public enum Reason {
        /** The port could not be opened (missing, busy, no permission): the cause is the PortOpenException. */
        PORT_UNAVAILABLE(true),
        /** No HELLO within the connect timeout: nothing answering, or not the wakewire firmware, or another baud. */
        NO_HELLO(true),
        /** The link ended (unplugged, EIO, hang-up, the process behind a pty killed) or a write to it failed. */
        LINK_LOST(true),
        /** The heartbeat found the board silent for a whole period. */
        SILENT(true),
        /** The board reset: a new boot HELLO, or its clock went back ({@link BoardResetException}). */
        RESET(true),
        /** Not connected at the moment (between a loss and the next handshake). */
        NOT_CONNECTED(true),
        /** The board was closed: by this host, or for good after a mismatch or a failed first connect. */
        CLOSED(true),
        /** The session ended after a loss that it does not recover from (reconnect off). */
        ENDED(true),
        /** The board is not what its config says: protocol version or MCU signature ({@link BoardMismatchException}). */
        MISMATCH(false),
        /** The board refused the command: its NAK ({@link BoardNakException}). */
        REFUSED(false),
        /** The call needs a firmware module the board was built without ({@link ModuleMissingException}). */
        MODULE_MISSING(false),
        /** A bad pin name, or a pin asked for something it cannot do, before anything is sent ({@link PinException}). */
        BAD_PIN(false),
        /** An I2C transaction the bus did not complete: a NAK or a stuck bus ({@link I2cException}). */
        I2C_FAILED(false);

        private final boolean disconnect;

        Reason(boolean disconnect) {
            this.disconnect = disconnect;
        }

        /** True for the reasons of a {@link BoardDisconnectedException}: the session is down. */
        public boolean isDisconnect() {
            return disconnect;
        }
    }

    private final String board;
    private final Reason reason;

    BoardException(String board, Reason reason, String message, Throwable cause) {
        super(board + ": " + message, cause);
        this.board = board;
        this.reason = reason;
    }

    /** The board's name (its label in the session, e.g. "uno@/dev/ttyACM0"). */
    public String board() {
        return board;
    }

    /** What happened. */
    public Reason reason() {
        return reason;
    }
}
