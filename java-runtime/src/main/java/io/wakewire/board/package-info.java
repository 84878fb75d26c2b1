/**
 * A microcontroller running the wakewire firmware, as futures: {@link io.wakewire.board.Board}
 * (connect, pins, ping, stats) and {@link io.wakewire.board.Pin} (edges, writes, PWM, analog reads).
 *
 * <pre>{@code
 * try (Executor ex = Executor.create()) {
 *     ex.blockOn(Async.run(() -> {
 *         try (Board board = await(Board.connect(BoardConfig.load("uno"), "/dev/ttyACM0"))) {
 *             Edge e = await(Futures.timeout(board.pin("D2").nextEdge(EdgeFilter.RISING), Duration.ofSeconds(5)));
 *             System.out.println(e.pin() + " rose at board tick " + e.boardTicks().getAsLong() + ", "
 *                     + e.latency().toNanos() / 1000 + " µs ago");
 *         }
 *     }));
 * }
 * }</pre>
 * A {@link io.wakewire.board.Pin} is an {@link io.wakewire.pin.EdgeSource}: its edges, filters,
 * streams and losses are {@link io.wakewire.pin}'s, shared with a Pi's pins, and {@code nextEdge}
 * and {@code edges} mean what that package says. {@link io.wakewire.board.Board#info()} and
 * {@link io.wakewire.board.Board#boardCounters()} return {@link io.wakewire.board.BoardInfo} and
 * {@link io.wakewire.board.BoardCounters}; no wire type is part of this API.
 *
 * <h2>Mechanisms, one file each</h2>
 * <table>
 *   <caption>What lives where</caption>
 *   <tr><td>{@link io.wakewire.board.BoardSession}</td><td>what the parts below share (link, state, pins, clock, counters) and the send path</td></tr>
 *   <tr><td>{@link io.wakewire.board.BoardSupervisor}</td><td>open, handshake, restore pins, heartbeat, reconnect</td></tr>
 *   <tr><td>{@link io.wakewire.board.Demultiplexer}</td><td>the board's frame sequence, losses, answers to requests, edges to pins</td></tr>
 *   <tr><td>{@link io.wakewire.board.ReaderLoop}</td><td>the receive task: link to decoder, woken by the link, never polling</td></tr>
 *   <tr><td>{@link io.wakewire.board.RequestTable}, {@link io.wakewire.board.Request}</td><td>request ids to futures, the in-flight limit (3; more wait on the host), timeouts, NAKs as exceptions</td></tr>
 *   <tr><td>{@link io.wakewire.board.PinChannel}, {@link io.wakewire.board.EdgeSubscription}</td><td>per-pin demux, arming, in-band loss markers</td></tr>
 *   <tr><td>{@link io.wakewire.board.BoardNextEdge}, {@link io.wakewire.board.BoardEdgeStream}</td><td>one edge, or every edge</td></tr>
 *   <tr><td>{@link io.wakewire.board.TickExtender}, {@link io.wakewire.board.ClockSync}</td><td>32-bit ticks to 64, board ticks to host time</td></tr>
 * </table>
 *
 * <h2>Errors</h2>
 * Everything the board or the session reports is a {@link io.wakewire.board.BoardException} whose
 * message starts with the board's label ({@code uno@/dev/ttyACM0}):
 * {@link io.wakewire.board.PinException} (bad name or capability, before anything is sent),
 * {@link io.wakewire.board.ModuleMissingException} (a firmware module the board was built without,
 * before anything is sent; see {@link io.wakewire.board.FirmwareModule}),
 * {@link io.wakewire.board.BoardNakException} (the board's error code),
 * {@link io.wakewire.board.BoardDisconnectedException} and its {@link io.wakewire.board.BoardResetException},
 * {@link io.wakewire.board.BoardMismatchException}. The family is sealed, and each says what happened
 * by its {@link io.wakewire.board.BoardException#reason() reason} (the disconnect: port unavailable,
 * no HELLO, link lost, silent, reset, not connected, closed, ended), so callers switch on it, never on
 * the message. A command with no answer in time fails with the runtime's one timeout type,
 * {@link io.wakewire.task.TimedOutException}.
 * Lost edges are not a board failure but {@link io.wakewire.pin.EdgesLostException} (in stream order),
 * shared with Pi pins.
 * The board config itself is read by {@code io.wakewire.board.config}.
 */
package io.wakewire.board;
