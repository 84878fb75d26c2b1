package io.wakewire.pi;

/**
 * One level change of a Pi GPIO input, as the Pi4J listener saw it.
 *
 * @param pin   the BCM number of the pin
 * @param level the level the pin changed to ({@code HIGH} for a rising edge)
 * @param nanos host timestamp, {@link System#nanoTime()} read first thing in the listener, so it
 *              excludes queueing and scheduling but includes the kernel's and Pi4J's delivery delay
 * @param seq   how many edges this pin's listener saw before this one, counting those lost to a
 *              full buffer: a gap in {@code seq} is exactly where edges were lost. (With one
 *              listener thread per pin, as on a real Pi, {@code seq} rises in buffer order; when
 *              several threads drive one mock pin at once, neighbours may swap.)
 */
public record Edge(int pin, Level level, long nanos, long seq) {

    /** The pin's name as board-configs/pi4.conf spells it: {@code GPIO17}. */
    public String pinName() {
        return "GPIO" + pin;
    }

    public boolean isRising() {
        return level == Level.HIGH;
    }
}
