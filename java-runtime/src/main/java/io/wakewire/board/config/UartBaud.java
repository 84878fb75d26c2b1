package io.wakewire.board.config;

/**
 * How closely an AVR's USART can make a baud rate: it divides F_CPU by 16 (or by 8 with U2X) and
 * by UBRR+1, UBRR being 12 bits. Like avr-libc's {@code util/setbaud.h} this picks the rounded UBRR
 * in both modes and keeps the one with the smaller error (normal mode on a tie: its receiver
 * samples more times per bit). Both ends of an 8N1 line tolerate roughly ±2 % together; wakewire
 * refuses more than {@link #TOLERANCE_PERCENT} at load time, where a bad config is cheapest to fix.
 */
public record UartBaud(long fCpu, long requested, int ubrr, boolean u2x, double actual) {

    /** The most a baud may be off, in percent. */
    public static final double TOLERANCE_PERCENT = 2.5;
    private static final int UBRR_MAX = 4095;

    /** The best setting for {@code baud} at {@code fCpu} (both positive). */
    public static UartBaud best(long fCpu, long baud) {
        UartBaud normal = setting(fCpu, baud, false);
        UartBaud doubled = setting(fCpu, baud, true);
        return Math.abs(doubled.errorPercent()) < Math.abs(normal.errorPercent()) ? doubled : normal;
    }

    private static UartBaud setting(long fCpu, long baud, boolean u2x) {
        long divisor = (u2x ? 8 : 16) * baud;
        long ubrr = (fCpu + divisor / 2) / divisor - 1;
        ubrr = Math.max(0, Math.min(UBRR_MAX, ubrr));
        return new UartBaud(fCpu, baud, (int) ubrr, u2x, fCpu / (double) ((u2x ? 8 : 16) * (ubrr + 1)));
    }

    /** How far the actual rate is from the requested one, in percent (signed). */
    public double errorPercent() {
        return (actual / requested - 1) * 100;
    }

    /** True when the error is within {@link #TOLERANCE_PERCENT}. */
    public boolean acceptable() {
        return Math.abs(errorPercent()) <= TOLERANCE_PERCENT;
    }

    /** True when the actual rate equals the requested one. */
    public boolean exact() {
        return actual == requested;
    }

    /**
     * The whole-number baud closest to {@code baud} that {@code fCpu} makes exactly (F_CPU divisible
     * by 16 or 8 times UBRR+1, the result an integer), or -1 if none.
     */
    public static long nearestExact(long fCpu, long baud) {
        long best = -1;
        for (int mul : new int[] {16, 8}) {
            for (long ubrr = 0; ubrr <= UBRR_MAX; ubrr++) {
                long div = mul * (ubrr + 1);
                if (fCpu % div == 0) {
                    long rate = fCpu / div;
                    if (best < 0 || Math.abs(rate - baud) < Math.abs(best - baud)) {
                        best = rate;
                    }
                }
            }
        }
        return best;
    }
}
