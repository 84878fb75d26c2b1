package io.wakewire.board;

import io.wakewire.wire.Answer;
import java.util.ArrayList;
import java.util.List;

/**
 * The board's own error counters (PROTOCOL.md, STATS), as {@link Board#boardCounters()} read them;
 * the firmware's counters saturate at 65535.
 *
 * @param crcErrors  frames the board dropped for a CRC mismatch
 * @param badFrames  frames the board dropped as malformed (COBS, length)
 * @param rxOverruns bytes the UART received faster than the firmware read them
 * @param drops      events the board's rings dropped, by drop source
 */
public record BoardCounters(int crcErrors, int badFrames, int rxOverruns, List<Drop> drops) {

    /** Events dropped by one of the board's event rings (a drop source, as the board config's pins name it). */
    public record Drop(int source, int count) {
    }

    public BoardCounters {
        drops = List.copyOf(drops);
    }

    static BoardCounters of(Answer.StatsReport s) {
        List<Drop> d = new ArrayList<>(s.drops().size());
        for (Answer.Drop x : s.drops()) {
            d.add(new Drop(x.source(), x.count()));
        }
        return new BoardCounters(s.crcErrors(), s.badFrames(), s.rxOverruns(), d);
    }

    /** Every source's drops summed. */
    public long totalDrops() {
        long n = 0;
        for (Drop x : drops) {
            n += x.count();
        }
        return n;
    }
}
