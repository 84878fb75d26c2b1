package io.wakewire.board;

import io.wakewire.wire.Answer;

/** Where the session hands module i2c's poll readings, and its loss (executor thread). */
interface I2cSink {

    /** An I2C_READINGS frame. */
    void reading(Answer.I2cReading r);

    /** The board was lost (reset, unplugged, closed): its poll is gone. */
    void failed(BoardException e);
}
