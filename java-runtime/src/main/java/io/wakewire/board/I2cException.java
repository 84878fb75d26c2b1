package io.wakewire.board;

/**
 * An I2C transaction that the bus did not complete (firmware module i2c). The subclasses say how:
 * {@link I2cNakException} (a device refused its address or a byte) and {@link I2cBusException}
 * (the bus was stuck or broke). The message names the board, the call and the address.
 */
public abstract sealed class I2cException extends BoardException permits I2cNakException, I2cBusException {

    private static final long serialVersionUID = 1L;

    private final int address;

    I2cException(String board, int address, String message) {
        super(board, Reason.I2C_FAILED, message, null);
        this.address = address;
    }

    /** The 7-bit device address of the transaction. */
    public int address() {
        return address;
    }
}
