package io.wakewire.board;

import io.wakewire.wire.NakCode;

/** The board refused a command: its NAK, typed, with the board's error code and detail byte. */
public final class BoardNakException extends BoardException {

    private static final long serialVersionUID = 1L;

    private final NakCode code;
    private final int detail;

    public BoardNakException(String board, String command, NakCode code, int detail) {
        super(board, Reason.REFUSED, command + " refused by the board: " + code.wireName() + " (" + explain(code, detail) + ")",
                null);
        this.code = code;
        this.detail = detail;
    }

    public NakCode code() {
        return code;
    }

    /** The NAK's detail byte (its meaning depends on the code; see PROTOCOL.md). */
    public int detail() {
        return detail;
    }

    private static String explain(NakCode code, int d) {
        return switch (code) {
            case UNKNOWN_COMMAND -> "type 0x" + Integer.toHexString(d);
            case BAD_LENGTH -> "payload length " + d;
            case BAD_PIN -> "pin " + d;
            case BAD_ARGUMENT -> "payload offset " + d;
            case BUSY -> "a conversion is already running";
            case NOT_CAPABLE -> "pin " + d + " cannot do that";
            case UNKNOWN -> "an error code this host does not know, detail " + d;
        };
    }
}
