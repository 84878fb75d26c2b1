/**
 * Measurements made on the host from the board's edge timestamps, with nothing added to the
 * firmware: pulse widths ({@link io.wakewire.measure.Pulses}), frequency
 * ({@link io.wakewire.measure.Frequency}), quadrature encoders ({@link io.wakewire.measure.Quadrature})
 * and HC-SR04-style distance ({@link io.wakewire.measure.Sonar}).
 *
 * <p>Each is an operator over an {@link io.wakewire.measure.EdgeFeed}: timestamped level changes
 * and in-band loss markers, in the order the board took them. Times are the board's ticks (4 µs
 * on a 16 MHz board), taken in the edge interrupt, never the host's arrival time, so a width is
 * exact to one tick whatever the serial line and the host did meanwhile. A loss is never hidden:
 * a measurement that a loss touched is not made up, it is reported as a
 * {@link io.wakewire.measure.MeasureLostException} at its place in the stream.
 *
 * <p>The board's pins become edge sources in {@code io.wakewire.board.PinEdgeFeed} (the one
 * place that knows the board's edge type); {@code Pin.pulses}, {@code Pin.frequency},
 * {@code Pin.encoder} and {@code Pin.distance} delegate here. A Pi input becomes one in
 * {@code io.wakewire.pi.PiEdgeFeed} (host timestamps from the Pi4J listener).
 */
package io.wakewire.measure;
