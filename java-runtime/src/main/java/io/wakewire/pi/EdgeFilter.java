package io.wakewire.pi;

/** Which edges a wait accepts: an edge is named by the level the pin changed <em>to</em>. */
public enum EdgeFilter {
    RISING,
    FALLING,
    BOTH;

    public boolean accepts(Level level) {
        return switch (this) {
            case RISING -> level == Level.HIGH;
            case FALLING -> level == Level.LOW;
            case BOTH -> true;
        };
    }
}
