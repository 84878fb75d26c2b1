package io.wakewire.board;

/**
 * What the session needs to know of one pin, taken from the board config: its name, its Arduino
 * number, what it can do, its ADC channel (-1 if none) and the drop source that serves its edges
 * (-1 if none; PROTOCOL.md section 4).
 */
record PinSpec(String name, int number, boolean input, boolean output, boolean pwm, boolean edge, int analogChannel,
               int dropSource) {
}
