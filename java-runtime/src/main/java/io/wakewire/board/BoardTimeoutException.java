package io.wakewire.board;

import java.time.Duration;

/** A command got no answer in time (the board drops frames with a bad CRC silently; see PROTOCOL.md). */
public final class BoardTimeoutException extends BoardException {

    private static final long serialVersionUID = 1L;

    public BoardTimeoutException(String board, String command, Duration limit) {
        super(board, command + ": no answer within " + limit.toMillis() + " ms");
    }
}
