/**
 * One pin vocabulary for every pin a task can await, on an AVR board ({@code io.wakewire.board.Pin})
 * or on a Raspberry Pi ({@code io.wakewire.pi.PiInput}): both are an {@link io.wakewire.pin.EdgeSource}
 * and produce the same {@link io.wakewire.pin.Edge}, {@link io.wakewire.pin.Level},
 * {@link io.wakewire.pin.EdgeFilter}, {@link io.wakewire.pin.EdgeStream} and
 * {@link io.wakewire.pin.EdgesLostException}, so one program awaits both with the same types.
 *
 * <pre>{@code
 * static Future<Edge> press(EdgeSource button) {      // a board's board.pin("D2") or a Pi's gpio.input(17)
 *     return Futures.timeout(button.nextEdge(EdgeFilter.RISING), Duration.ofSeconds(5));
 * }
 * ...
 * try (EdgeStream s = pin.edges(EdgeFilter.BOTH)) {
 *     for (;;) {
 *         try {
 *             Edge e = await(s.next());
 *             System.out.println(e.pin() + " " + e.level() + ", " + e.latency().toNanos() / 1000 + " µs");
 *         } catch (EdgesLostException lost) {
 *             System.out.println(lost.reason() + ": " + lost.count());   // in stream order; go on
 *         }
 *     }
 * }
 * }</pre>
 *
 * <h2>What {@code nextEdge} and {@code edges} mean, on both</h2>
 * <ul>
 *   <li>{@code nextEdge(filter)}: the first accepted edge that happens after the future is first
 *       polled (awaited). Edges from before are not returned (a Pi pin, which buffers from the
 *       moment it opens, drops them then). A loop of {@code nextEdge} can miss the edges between
 *       two waits.</li>
 *   <li>{@code edges(filter)}: every accepted edge from the stream's first {@code next()} poll on,
 *       buffered between calls; losses come in-band as {@link io.wakewire.pin.EdgesLostException},
 *       and awaiting {@code next()} again continues after them. Close the stream when done.</li>
 * </ul>
 *
 * <h2>Time</h2>
 * An {@link io.wakewire.pin.Edge} carries {@code hostNanos} (when it happened, on the executor's
 * clock), {@code arrivalNanos} (when it reached the host) and {@code latency()} between the two; a
 * board's edge also carries its ISR timestamp ({@code boardTicks}, {@code boardNanos}), and its
 * host time is the clock sync's estimate, a measurement only when {@code hostTimeVouched()}.
 */
package io.wakewire.pin;
