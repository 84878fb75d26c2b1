/**
 * The {@code wakewire} command (picocli): {@code ports}, {@code flash}, {@code info},
 * {@code monitor}, {@code ping}, {@code sim}, {@code demo}; run as {@code java -jar wakewire.jar}
 * ({@code make jar}) or through the launcher {@code build/wakewire}.
 *
 * <h2>How the pieces fit</h2>
 * <ul>
 *   <li>{@link io.wakewire.cli.Main} builds the command line and installs the two handlers that
 *       make every failure one line on stderr with a fixed {@link io.wakewire.cli.ExitCode}:
 *       usage mistakes (picocli's parameter errors) and {@code Failures}, which maps the runtime's
 *       typed exceptions (board config, port, board, virtual board) to codes.</li>
 *   <li>{@code CommonOptions}: {@code --board --port --baud --timeout}, checked once (a known AVR
 *       board, a baud its clock makes within 2.5%).</li>
 *   <li>{@code BoardRunner}: connect with a progress indication, run a command's body as an
 *       {@code Async} task on one executor on the calling thread, close; Ctrl-C closes the board so
 *       that the body ends normally and prints its summary.</li>
 *   <li>{@code EdgeLog}: one task per pin into an {@code EdgeSink} (table, CSV, VCD), with counts,
 *       losses and latencies, for {@code monitor} and {@code demo}.</li>
 *   <li>{@code Checkout}: in a source checkout, {@code make firmware}/{@code make vboard} before
 *       {@code flash}, {@code sim} and {@code demo}, so they never use stale builds.</li>
 *   <li>{@code AvrdudeInvocation} and {@code AvrdudeDiagnosis}: the avrdude line from the board
 *       config, and its failures condensed into one line; {@code PortUsers} names the program that
 *       holds a port before anything is opened.</li>
 * </ul>
 *
 * <h2>Trade-offs</h2>
 * Commands block the calling thread (the executor runs on it), which keeps them plain
 * {@code Callable}s that tests run in-process with {@code Main.commandLine(out, err).execute(args)}.
 * Progress is shown only after a quiet second, so quick commands print nothing extra; it is a
 * dot a second rather than a redrawn bar, so logs stay readable.
 */
package io.wakewire.cli;
