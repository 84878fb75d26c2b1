package io.wakewire.pi;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import io.wakewire.task.Future;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Pi GPIO input whose edges a task can await: {@code await(in.nextEdge(RISING))}.
 *
 * <p>One Pi4J listener is attached when the pin opens and removed when it closes; it stamps each
 * edge with {@link System#nanoTime()}, puts it in the pin's bounded buffer and wakes the waiting
 * task, if any. No thread of ours per pin and no polling: the listener runs on Pi4J's own thread
 * (the gpiod plugin's event thread on a real Pi) or, under the mock plugin, synchronously on the
 * thread that changed the mock state. Waits themselves never add or remove Pi4J listeners, so a
 * cancelled or timed-out wait leaves nothing behind in Pi4J.
 *
 * <p>Trade-off: because the listener stays attached, edges are buffered even while no task
 * waits, costing one small object per edge and a bounded buffer per pin; a program that only
 * cares about edges after it starts waiting calls {@link #discardBuffered()} first.
 */
public final class PiInput implements AutoCloseable {

    private final PiGpio owner;
    private final int pin;
    private final DigitalInput input;
    private final EdgeInbox inbox;
    private final DigitalStateChangeListener listener;
    private final Duration debounce;
    private final Pull pull;
    private final AtomicBoolean closed = new AtomicBoolean();

    PiInput(PiGpio owner, int pin, DigitalInput input, Pull pull, Duration debounce, int bufferCapacity) {
        this.owner = owner;
        this.pin = pin;
        this.input = input;
        this.pull = pull;
        this.debounce = debounce;
        this.inbox = new EdgeInbox(pin, bufferCapacity);
        this.listener = this::onStateChange;
        input.addListener(listener);
    }

    @SuppressWarnings("rawtypes")
    private void onStateChange(DigitalStateChangeEvent event) {
        long now = System.nanoTime();
        inbox.deliver(Level.of(event.state()), now);
    }

    /** The next edge the filter accepts, counting edges buffered before this call. */
    public Future<Edge> nextEdge(EdgeFilter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("GPIO" + pin + ": nextEdge needs an edge filter (RISING, FALLING or BOTH)");
        }
        return new NextEdge(inbox, pin, filter);
    }

    /** The pin's edges as a stream; one consumer at a time. */
    public EdgeStream edges(EdgeFilter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("GPIO" + pin + ": edges needs an edge filter (RISING, FALLING or BOTH)");
        }
        return new EdgeStream(this, filter);
    }

    /** The pin's level now, read through Pi4J. */
    public Level level() {
        return Level.of(input.state());
    }

    /** Drop the buffered edges (and a pending loss report); only when no wait is pending. */
    public int discardBuffered() {
        Object token = new Object();
        inbox.claim(token);
        try {
            int n = 0;
            while (true) {
                try {
                    if (inbox.take(EdgeFilter.BOTH) == null) {
                        return n;
                    }
                    n++;
                } catch (EdgesLostException dropped) {
                    // the loss is discarded along with the edges, on request
                }
            }
        } finally {
            inbox.release(token);
        }
    }

    public int pin() {
        return pin;
    }

    /** The pin's name as board-configs/pi4.conf spells it: {@code GPIO17}. */
    public String name() {
        return "GPIO" + pin;
    }

    public Pull pull() {
        return pull;
    }

    public Duration debounce() {
        return debounce;
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
        return "GPIO" + pin + " input (pull " + pull + ", debounce " + debounce.toNanos() / 1000 + " us, "
                + inbox.buffered() + "/" + inbox.capacity() + " buffered, " + inbox.lostTotal() + " lost)";
    }
}
