package io.wakewire.board;

import io.wakewire.pin.Level;

/**
 * A pin's level as the board read it (READ_PIN), or the level an edge stream starts from.
 *
 * @param pin        the pin's name in the board config ("D2")
 * @param level      the level read
 * @param ticks      the board tick of the read (64-bit, as {@code Edge.boardTicks()}); read with
 *                   interrupts off, so every edge after it has a tick at or after this one
 * @param boardNanos {@code ticks} in nanoseconds
 * @param hostNanos  that tick on the host's clock (the clock sync's estimate)
 */
public record PinLevel(String pin, Level level, long ticks, long boardNanos, long hostNanos) {
}
