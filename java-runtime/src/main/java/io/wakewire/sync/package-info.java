/**
 * Synchronisation between tasks, and between tasks and other threads, as futures.
 *
 * <table>
 *   <caption>The primitives</caption>
 *   <tr><th>class</th><th>for</th><th>waits in</th></tr>
 *   <tr><td>{@link io.wakewire.sync.Oneshot}</td><td>one value, once (a reply)</td><td>{@code receiver()}</td></tr>
 *   <tr><td>{@link io.wakewire.sync.Channel}</td><td>a bounded stream with backpressure</td><td>{@code send}, {@code receive}</td></tr>
 *   <tr><td>{@link io.wakewire.sync.Watch}</td><td>the latest value of something</td><td>{@code Receiver.changed}</td></tr>
 *   <tr><td>{@link io.wakewire.sync.Notify}</td><td>"something happened", with a stored permit</td><td>{@code notified}</td></tr>
 *   <tr><td>{@link io.wakewire.sync.Semaphore}</td><td>limiting concurrency, fair FIFO</td><td>{@code acquire}</td></tr>
 * </table>
 *
 * <p>Rules they share:
 * <ul>
 *   <li>The non-waiting side (send, trySend, notify, release, close) is callable from any thread
 *       and never blocks: Oneshot is lock-free, the others hold a private lock for a few field
 *       updates and run wakers only after releasing it.</li>
 *   <li>Each waiting future is its own node in an intrusive FIFO ({@code WaiterQueue}): the
 *       first pending poll links it, later pending polls only store the waker, so the pending
 *       path allocates nothing.</li>
 *   <li>{@code cancel()} unlinks the future and gives back exactly what it had been given and not
 *       yet handed to its caller (a granted permit, a notification, a slot); it is idempotent.</li>
 *   <li>{@code describe()} says what the future waits on, for {@code Executor.dump()}.</li>
 *   <li>Closing makes waiters fail with {@link io.wakewire.sync.ClosedException}; a closed and
 *       drained channel instead yields end of stream ({@code null}).</li>
 * </ul>
 */
package io.wakewire.sync;
