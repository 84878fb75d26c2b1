/**
 * Byte transports between the host and a board: the {@link io.wakewire.link.SerialLink} SPI and
 * its implementations.
 *
 * <h2>The SPI</h2>
 * A {@link io.wakewire.link.SerialLink} is what the board layer needs from a serial port, and no
 * more: {@code write(bytes)} (may block briefly on the OS, never on the executor);
 * {@code read(ByteBuffer)} that never blocks and returns 0 when nothing is buffered;
 * {@code setReadWaker(Waker)} / {@code readable()} to sleep until bytes come; a typed end,
 * {@link io.wakewire.link.LinkState} CLOSED or DISCONNECTED, reported by
 * {@link io.wakewire.link.LinkClosedException}; and an idempotent {@code close()}. Links are made
 * by a {@link io.wakewire.link.SerialLinkFactory} from {@link io.wakewire.link.PortSettings};
 * opening problems are {@link io.wakewire.link.PortOpenException}s whose message names the port
 * and the fix. Every implementation keeps its received bytes in a
 * {@link io.wakewire.link.ReceiveBuffer}, the one place where a producer thread meets the
 * consumer task.
 *
 * <h2>Implementations</h2>
 * <ul>
 *   <li>{@link io.wakewire.link.InMemoryLinkPair}: two connected ends with injectable faults, for
 *       unit tests of everything above this package.</li>
 *   <li>{@link io.wakewire.link.JsscSerialLinkFactory} / {@link io.wakewire.link.JsscSerialLink}:
 *       portable, over jssc 2.10.2, with one reader thread per port.</li>
 *   <li>{@link io.wakewire.link.NativeReactor} / {@link io.wakewire.link.NativeSerialLinkFactory}:
 *       the native epoll reactor (JNI, Linux; native/reactor): all ports, the executor's timer and
 *       cross-thread wakes in one {@code epoll_wait}, as the executor's Parker, with raw termios2
 *       (any baud), exclusive open, control of DTR and HUPCL, and hang-ups seen as
 *       {@code EPOLLHUP}. {@link io.wakewire.link.Transports} chooses it where
 *       {@link io.wakewire.link.NativeLibrary} loads it, and otherwise falls back to jssc, saying
 *       so once.</li>
 * </ul>
 *
 * <h2>Why the jssc link reads on a thread of its own</h2>
 * jssc's event listener is not usable for a runtime that never polls: on Linux its event thread
 * loops on {@code waitEvents()} and {@code Thread.sleep(0, 100)}, which costs about a fifth to a
 * third of a core while the line is idle (0.21 of a core measured here, see below) and notices
 * no unplug. Its timed {@code readBytes(n, timeout)} is worse: it spins on
 * {@code getInputBufferBytesCount()} until the deadline. Its untimed {@code readBytes(n)} however
 * loops {@code poll(fd, POLLIN, -1); read()} in native code: a thread calling
 * {@code readBytes(1)} sleeps in the kernel and costs nothing until a byte arrives. So each
 * jssc link has one daemon platform thread ({@link io.wakewire.link.JsscReadLoop}) that parks
 * there, drains what {@code getInputBufferBytesCount()} says is buffered, and wakes the
 * executor through the link's read waker. A platform thread, not a virtual one: a thread inside
 * JNI pins its carrier, so a virtual thread would only hide the cost.
 *
 * <p>Two faults of that native loop shape the rest (found in jssc 2.10.2's {@code libjssc.so},
 * confirmed on ptys): it ignores {@code POLLHUP}, so after a hang-up {@code read()} returns 0
 * forever and the thread spins at 100% of a core inside native code; and closing the descriptor
 * does not wake a thread parked in {@code poll()} on it. The first is met by
 * {@link io.wakewire.link.DeviceRemovalWatcher} (inotify on the device node's directory: an
 * unplug or a dead pty master removes the node; the link then closes the descriptor, and the
 * spinning read fails with EBADF). The second is a documented limit of the fallback:
 * {@code close()} gives the reader 200 ms to leave {@code poll()} with the port still open (on
 * a busy line, or after a request the board answers, it does, and ends); on a silent line the
 * port is closed anyway and the parked reader ends at the next byte or hang-up on that line
 * (see {@link io.wakewire.link.JsscSerialLink}).
 *
 * <h2>Figures</h2>
 * Idle CPU with one port open and no traffic ({@code JsscIdleCpuProbe}, a socat pty standing in
 * for a board, 20 s, Temurin 25, the 2-core development VM): the whole JVM with a wakewire jssc
 * link, 0.0005 of one core, of which the reader thread 0.0000; the same JVM with jssc's own event
 * listener on the same pty, 0.21 of one core. Killing the socat peer made the link DISCONNECTED
 * within 3 to 13 ms of the kill (socat's own exit included; 5 runs), the reader thread having
 * ended by then: the hang-up spin lasts until inotify reports the removed node, a few ms.
 *
 * <h2>Ports</h2>
 * {@link io.wakewire.link.SerialPorts} lists the machine's serial ports with what the OS says
 * about each (USB ids, manufacturer, product, driver, the stable {@code /dev/serial/by-id} name),
 * for the CLI's {@code ports} command.
 */
package io.wakewire.link;
