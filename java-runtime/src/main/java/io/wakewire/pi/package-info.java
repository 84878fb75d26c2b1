/**
 * The Pi4J adapter: a Raspberry Pi's own GPIO edges wake tasks exactly as an AVR's edges do.
 *
 * <h2>API in one screen</h2>
 * <pre>{@code
 * try (PiGpio gpio = PiGpio.open();                 // Pi4J auto-detects gpiod on a Pi
 *      Executor ex = Executor.create()) {
 *     PiInput button = gpio.input(17, InputOptions.defaults().withPull(PULL_DOWN)
 *             .withDebounce(Duration.ofMillis(5)));                        // debounce goes to Pi4J
 *     PiOutput led = gpio.output(27);
 *     ex.blockOn(async(() -> {
 *         try (EdgeStream presses = button.edges(RISING)) {
 *             for (int i = 0; i < 10; i++) {
 *                 Edge e = await(presses.next());   // the task sleeps; no thread per pin, no polling
 *                 led.toggle();
 *             }
 *         }
 *         return null;
 *     }));
 * }                                                 // closes the pins and shuts Pi4J down
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.wakewire.pi.PiGpio}: opens pins by BCM number over one Pi4J context
 *       ({@code open()} auto-detected, or {@code of(context)}, e.g. the mock providers in tests);
 *       {@code close()} matters because Pi4J's threads are not daemons.</li>
 *   <li>{@link io.wakewire.pi.PiInput}, an {@link io.wakewire.pin.EdgeSource} like a board's pin:
 *       {@code nextEdge(filter)} (the first edge after the wait starts), {@code edges(filter)} (every
 *       edge from the stream's first {@code next()} on), {@code level()}, counters; opened with
 *       {@link io.wakewire.pi.InputOptions} (pull, debounce, buffer). Its {@link io.wakewire.pin.Edge}
 *       is the one board pins produce: pin name ({@code GPIO17}), level, and a {@code System.nanoTime()}
 *       stamp taken in the listener as host and arrival time; no board ticks.</li>
 *   <li>{@link io.wakewire.pi.PiOutput}: {@code write/high/low/toggle}; {@code onChange} to
 *       wire an output to something else in a test.</li>
 *   <li>Overflow is never silent: the next wait throws {@link io.wakewire.pin.EdgesLostException}
 *       (reason {@code HOST_OVERFLOW}) with the count; a closed pin ends its waits with {@link io.wakewire.pi.PinClosedException}.</li>
 * </ul>
 *
 * <h2>Mechanism and costs</h2>
 * One Pi4J listener per open input, attached at open. It reads the clock, puts an
 * {@link io.wakewire.pin.Edge} in the pin's bounded lock-free ring ({@code EdgeRing}: a CAS to claim
 * a slot, a volatile store to publish) and takes the one registered waker with a
 * {@code getAndSet}: no lock and no thread of ours on the path, correct whether Pi4J calls it on
 * its own thread (a real Pi) or on the thread that changed a mock pin (tests). The waiting future
 * stores its waker and looks at the ring again, so an edge racing the registration is never
 * missed. Measured under the mock plugin on a 2-core x86 VM ({@code make bench-pi}): edge to
 * resumed task about 6-7 µs median, about 20 µs p99 (mostly the executor thread's unpark); 2 to
 * 2.5 million edges a second into one task, none lost.
 *
 * <p>Limits: one consumer per pin at a time (a second concurrent wait is refused with a clear
 * error); a full buffer drops the newest edges and keeps the oldest; Pi4J's debounce is applied
 * by the provider (gpiod), not by this package.
 */
package io.wakewire.pi;
