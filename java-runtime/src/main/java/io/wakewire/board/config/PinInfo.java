package io.wakewire.board.config;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One usable pin of a board: its name in the config ({@code D2}, {@code A0}), its number (the
 * Arduino pin number on the wire for an AVR, the BCM number on a Pi), what it can do, its ADC
 * channel if it has one, and the interrupt that serves its edges if it can raise them.
 */
public record PinInfo(String name, int number, Set<Capability> capabilities, OptionalInt analogChannel,
                      Optional<Interrupt> interrupt) {

    public PinInfo {
        capabilities = Collections.unmodifiableSet(capabilities.isEmpty() ? EnumSet.noneOf(Capability.class)
                : EnumSet.copyOf(capabilities));
    }

    /** True when the pin can do {@code c}. */
    public boolean can(Capability c) {
        return capabilities.contains(c);
    }

    /**
     * The drop source (PROTOCOL.md section 4) whose LOST markers and STATS counters cover this
     * pin's edges, or empty for a pin without edges.
     */
    public OptionalInt dropSource() {
        return interrupt.map(i -> OptionalInt.of(i.dropSource())).orElse(OptionalInt.empty());
    }
}
