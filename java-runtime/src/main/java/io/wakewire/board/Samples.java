package io.wakewire.board;


import java.util.Locale;

/**
 * Checks a request for board-timed samples and makes its {@link SampleStream}: every refusal is
 * one line, before anything is sent. {@code Pin.samples} and {@code Board.samples} delegate here.
 */
final class Samples {

    /** The board's tick rate (4 us ticks): an interval is a whole number of them. */
    static final int TICKS_PER_SECOND = 250_000;
    /** The firmware's shortest interval between two conversions (modules/stream/stream.c). */
    static final int MIN_INTERVAL_TICKS = 40;
    static final int MAX_INTERVAL_TICKS = 65_535;

    private Samples() {
    }

    /**
     * A stream of {@code names}' channels, round-robin, each pin sampled {@code rateHz} times a
     * second (so the board converts {@code rateHz * names.length} times a second).
     */
    static SampleStream open(BoardSession s, int rateHz, String... names) {
        String label = s.label();
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException(label + ": samples(" + rateHz + "): no pin given");
        }
        String pins = String.join(",", names);
        int[] channels = new int[names.length];
        int seen = 0;
        for (int i = 0; i < names.length; i++) {
            PinChannel c = s.channel(names[i]);
            if (c == null) {
                throw new PinException(label, "samples(" + pins + "): no pin " + names[i] + " in the board config");
            }
            int ch = c.spec.analogChannel();
            if (ch < 0) {
                throw new PinException(label, "samples(" + pins + "): pin " + names[i]
                        + " has no ADC channel (pins with 'analog<N>' in the board config have)");
            }
            if ((seen & 1 << ch) != 0) {
                throw new PinException(label, "samples(" + pins + "): pin " + names[i] + " is given twice");
            }
            seen |= 1 << ch;
            channels[i] = ch;
        }
        long conversions = (long) rateHz * names.length;
        if (rateHz <= 0 || TICKS_PER_SECOND % conversions != 0 || TICKS_PER_SECOND / conversions < MIN_INTERVAL_TICKS
                || TICKS_PER_SECOND / conversions > MAX_INTERVAL_TICKS) {
            throw new PinException(label, String.format(Locale.ROOT, "samples(%s): %d Hz per pin is not a rate the board"
                    + " keeps: %d conversion(s) a second must divide %d (its 4 us ticks) into an interval of %d..%d ticks,"
                    + " i.e. %d..%d conversions a second (e.g. 1000, 2000, 5000 Hz on one pin; 6250 at most)", pins, rateHz,
                    conversions, TICKS_PER_SECOND, MIN_INTERVAL_TICKS, MAX_INTERVAL_TICKS,
                    (TICKS_PER_SECOND + MAX_INTERVAL_TICKS - 1) / MAX_INTERVAL_TICKS, TICKS_PER_SECOND / MIN_INTERVAL_TICKS));
        }
        FirmwareModule.STREAM.require(s, "samples(" + pins + ")");
        return new SampleStream(s, pins, channels, names, (int) (TICKS_PER_SECOND / conversions), s.options.edgeBuffer());
    }

}
