package io.wakewire.board;

/**
 * A device did not acknowledge: its address (nobody at that address, or the device is busy, as an
 * EEPROM is during its write cycle) or a byte written to it ({@link #addressNak()} tells which).
 */
public final class I2cNakException extends I2cException {

    private static final long serialVersionUID = 1L;

    private final boolean addressNak;

    I2cNakException(String board, String call, int address, boolean addressNak) {
        super(board, address, String.format("%s: %s at I2C address 0x%02x", call,
                addressNak ? "no device acknowledged its address" : "the device refused a written byte (data NAK)", address));
        this.addressNak = addressNak;
    }

    /** True for an address NAK, false for a data NAK. */
    public boolean addressNak() {
        return addressNak;
    }
}
