package io.wakewire.board;

/**
 * The bus could not carry the transaction: a line was held low (a device stuck mid-byte) or the
 * transaction hung, and the board ran its recovery (clock pulses on SCL, then a STOP), or the TWI
 * saw a bus error. {@link #recovered()} says whether the bus was free afterwards, so the next
 * transaction may work.
 */
public final class I2cBusException extends I2cException {

    private static final long serialVersionUID = 1L;

    private final boolean recovered;
    private final boolean stuck;

    I2cBusException(String board, String call, int address, boolean stuck, boolean recovered) {
        super(board, address, String.format("%s (I2C address 0x%02x): %s", call, address, !stuck
                ? "bus error (arbitration lost or an illegal START/STOP)"
                : recovered ? "the bus was stuck (a line held low); the board freed it with clock pulses, the transaction was not done"
                : "the bus is stuck (a line held low) and clock pulses did not free it: check the wiring, power-cycle the device"));
        this.stuck = stuck;
        this.recovered = recovered;
    }

    /** True when the bus was free after the board's recovery. */
    public boolean recovered() {
        return recovered;
    }

    /** True for a stuck bus, false for a bus error. */
    public boolean stuck() {
        return stuck;
    }
}
