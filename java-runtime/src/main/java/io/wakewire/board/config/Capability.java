package io.wakewire.board.config;

/**
 * What a pin can do (board-configs/README.md). The interrupt that serves a pin's edges and its ADC
 * channel are not here but in {@link PinInfo#interrupt()} and {@link PinInfo#analogChannel()}.
 */
public enum Capability {
    /** Digital input (PIN_MODE input / input_pullup). */
    IN,
    /** Digital output (PIN_MODE output, DIGITAL_WRITE). */
    OUT,
    /** PWM_WRITE works. */
    PWM,
    /** ARM works: the pin's edges become EVENTS. */
    EDGE,
    /** ANALOG_READ on the pin's ADC channel. */
    ANALOG;

    /** The spelling in a .conf file ({@code analog} is written {@code analog<N>}). */
    public String confName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
