package io.wakewire.pi;

import java.time.Duration;

/**
 * How {@link PiGpio#input(int, InputOptions)} opens an input:
 * {@code InputOptions.defaults().withPull(Pull.PULL_DOWN).withDebounce(Duration.ofMillis(5))}.
 *
 * @param pull     the bias resistor, passed to Pi4J
 * @param debounce passed to Pi4J (microsecond resolution); {@code Duration.ZERO} for none
 * @param buffer   edges the pin buffers for a stream or wait that has not taken them yet (at least 1)
 */
public record InputOptions(Pull pull, Duration debounce, int buffer) {

    /** Edges a pin buffers unless told otherwise. */
    public static final int DEFAULT_BUFFER = 1024;

    public InputOptions {
        if (pull == null) {
            throw new IllegalArgumentException("input options: pull must be NONE, PULL_UP or PULL_DOWN, not null");
        }
        if (debounce == null || debounce.isNegative()) {
            throw new IllegalArgumentException("input options: debounce must be zero or positive, got " + debounce);
        }
        if (buffer < 1 || buffer > (1 << 24)) {
            throw new IllegalArgumentException("input options: edge buffer must be 1.." + (1 << 24) + ", got " + buffer);
        }
    }

    /** No pull resistor, no debounce, {@link #DEFAULT_BUFFER} edges. */
    public static InputOptions defaults() {
        return new InputOptions(Pull.NONE, Duration.ZERO, DEFAULT_BUFFER);
    }

    public InputOptions withPull(Pull p) {
        return new InputOptions(p, debounce, buffer);
    }

    public InputOptions withDebounce(Duration d) {
        return new InputOptions(pull, d, buffer);
    }

    public InputOptions withBuffer(int edges) {
        return new InputOptions(pull, debounce, edges);
    }
}
