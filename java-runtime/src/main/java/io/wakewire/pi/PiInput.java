package io.wakewire.pi;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeSource;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.Level;
import io.wakewire.task.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Pi GPIO input whose edges a task can await: {@code await(in.nextEdge(RISING))}; an
 * {@link EdgeSource} like a board's pin, with the same {@link Edge}s and the same meaning of
 * {@code nextEdge} (the first edge after the wait starts) and {@code edges} (every edge from the
 * stream's first {@code next()} on).
 *
 * <p>One Pi4J listener is attached when the pin opens and removed when it closes; it stamps each
 * edge with {@link System#nanoTime()}, puts it in the pin's bounded buffer and wakes the waiting
 * task, if any. No thread of ours per pin and no polling: the listener runs on Pi4J's own thread
 * (the gpiod plugin's event thread on a real Pi) or, under the mock plugin, synchronously on the
 * thread that changed the mock state. Waits themselves never add or remove Pi4J listeners, so a
 * cancelled or timed-out wait leaves nothing behind in Pi4J.
 *
 * <p>Trade-off: because the listener stays attached, edges are buffered even while no task
 * waits, costing one small object per edge and a bounded buffer per pin; a wait or stream drops
 * them when it starts.
 */
public final class PiInput implements EdgeSource, AutoCloseable {

    private final PiGpio owner;
    private final int pin;
    private final DigitalInput input;
    private final EdgeInbox inbox;
    private final DigitalStateChangeListener listener;
    private final InputOptions options;
    private final AtomicBoolean closed = new AtomicBoolean();

    PiInput(PiGpio owner, int pin, DigitalInput input, InputOptions options) {
        this.owner = owner;
        this.pin = pin;
        this.input = input;
        this.options = options;
        this.inbox = new EdgeInbox("GPIO" + pin, options.buffer());
        this.listener = this::onStateChange;
        input.addListener(listener);
    }

    @SuppressWarnings("rawtypes")
    private void onStateChange(DigitalStateChangeEvent event) {
        long now = System.nanoTime();
        inbox.deliver(PiLevels.of(event.state()), now);
    }

    /**
     * The first edge the filter accepts after this future is first polled; what the pin buffered
     * before is dropped then. To see every edge, with nothing missed between two waits, use {@link #edges}.
     */
    @Override
    public Future<Edge> nextEdge(EdgeFilter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("GPIO" + pin + ": nextEdge needs an edge filter (RISING, FALLING or BOTH)");
        }
        return new PiNextEdge(inbox, name(), filter, () -> true);
    }

    /** Every edge the filter accepts from the stream's first {@code next()} poll on; one consumer at a time. */
    @Override
    public EdgeStream edges(EdgeFilter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("GPIO" + pin + ": edges needs an edge filter (RISING, FALLING or BOTH)");
        }
        return new PiEdgeStream(this, filter);
    }

    EdgeInbox inbox() {
        return inbox;
    }

    /** The pin's level now, read through Pi4J. */
    public Level level() {
        return PiLevels.of(input.state());
    }

    /** Drop the buffered edges (and a pending loss report); only when no wait is pending. */
    public int discardBuffered() {
        Object token = new Object();
        inbox.claim(token);
        try {
            return inbox.discard();
        } finally {
            inbox.release(token);
        }
    }

    /** The BCM number. */
    public int bcm() {
        return pin;
    }

    /** The pin's name as board-configs/pi4.conf spells it: {@code GPIO17}. */
    @Override
    public String name() {
        return "GPIO" + pin;
    }

    public InputOptions options() {
        return options;
    }

    /** Edges waiting in the buffer now. */
    public int buffered() {
        return inbox.buffered();
    }

    public int bufferCapacity() {
        return inbox.capacity();
    }

    /** Edges dropped because the buffer was full, since the pin opened (reported or not). */
    public long lostTotal() {
        return inbox.lostTotal();
    }

    /** Edges the listener has seen since the pin opened, lost ones included. */
    public long edgesSeen() {
        return inbox.seen();
    }

    /** True while a wait on this pin holds a waker: false again after it completes or is cancelled. */
    public boolean hasPendingWait() {
        return inbox.hasWaiter();
    }

    /** True while a task sleeps on this pin: its waker is registered and the next edge will wake it. */
    public boolean isAwaited() {
        return inbox.hasWaker();
    }

    /** The underlying Pi4J input, e.g. to drive a {@code MockDigitalInput} in a test. */
    public DigitalInput digitalInput() {
        return input;
    }

    public boolean isClosed() {
        return inbox.isClosed();
    }

    /**
     * Detach the listener, release the pin in Pi4J, and end any pending wait with
     * {@link PinClosedException} (after the edges still buffered). Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        input.removeListener(listener);
        inbox.close();
        owner.released(pin, input);
    }

    @Override
    public String toString() {
        return "GPIO" + pin + " input (pull " + options.pull() + ", debounce " + options.debounce().toNanos() / 1000 + " us, "
                + inbox.buffered() + "/" + inbox.capacity() + " buffered, " + inbox.lostTotal() + " lost)";
    }
}
