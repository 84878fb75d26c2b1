package io.wakewire.board;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TickExtenderTest {

    @Test
    void carriesAcrossTheWrap() {
        TickExtender x = new TickExtender();
        assertEquals(0xFFFF_FFF0L, x.extend(0xFFFF_FFF0L));
        assertEquals(0x1_0000_0005L, x.extend(0x5));
        assertEquals(0x1_0000_0100L, x.extend(0x100));
    }

    @Test
    void aReadingSlightlyInThePastStaysInThePast() {
        TickExtender y = new TickExtender();
        y.extend(0x5);
        assertEquals(-0x10 + 5, y.extend(0xFFFF_FFF5L)); // 16 ticks before the first reading
    }

    @Test
    void resetStartsOver() {
        TickExtender x = new TickExtender();
        x.extend(0xFFFF_FFF0L);
        x.extend(0x10);
        x.reset();
        assertEquals(7, x.extend(7));
    }

    /** Any monotonic 64-bit timeline with steps below 2^31 is recovered exactly from its low 32 bits. */
    @Property(tries = 200)
    void recoversAMonotonicTimeline(@ForAll @LongRange(min = 0, max = 1L << 40) long start,
                                    @ForAll @LongRange(min = 1, max = Integer.MAX_VALUE) long step) {
        TickExtender x = new TickExtender();
        long t = start & 0xFFFF_FFFFL;
        for (int i = 0; i < 50; i++) {
            assertEquals(t, x.extend(t & 0xFFFF_FFFFL) , "step " + i);
            t += step;
        }
    }
}
