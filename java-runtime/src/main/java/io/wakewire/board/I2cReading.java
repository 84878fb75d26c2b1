package io.wakewire.board;

import java.util.Arrays;

/**
 * One board-timed reading of an {@link I2cPoll}: the bytes read, when the board took it (its tick,
 * in nanoseconds of board time, and that time on the host's clock), its number in the poll, and how
 * many readings were lost just before it (the board had no room to send them; counted, never
 * silent). A reading whose transaction failed has {@link #status()} other than 0 and no bytes.
 */
public record I2cReading(long number, long boardTicks, long boardNanos, long hostNanos, int status, int lostBefore,
                         byte[] data) {

    public I2cReading {
        data = data.clone();
    }

    /** True when the transaction worked (status 0). */
    public boolean ok() {
        return status == 0;
    }

    /** A copy of the bytes read. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The first two bytes as a big-endian unsigned number (most sensors' order). */
    public int u16be() {
        return (data[0] & 0xFF) << 8 | (data[1] & 0xFF);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof I2cReading r && r.number == number && r.boardTicks == boardTicks && r.status == status
                && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(number) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "I2cReading[#" + number + " at " + boardNanos + " ns, status " + status + ", lost before " + lostBefore
                + ", data " + java.util.HexFormat.of().formatHex(data) + "]";
    }
}
