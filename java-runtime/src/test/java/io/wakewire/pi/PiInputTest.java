package io.wakewire.pi;

import io.wakewire.pin.Edge;
import io.wakewire.pin.Level;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.EdgesLostException;

import static io.wakewire.pin.EdgeFilter.BOTH;
import static io.wakewire.pin.EdgeFilter.FALLING;
import static io.wakewire.pin.EdgeFilter.RISING;
import static io.wakewire.pin.Level.HIGH;
import static io.wakewire.pin.Level.LOW;
import static io.wakewire.pi.Pull.PULL_DOWN;
import static org.junit.jupiter.api.Assertions.*;

import com.pi4j.io.gpio.digital.DigitalBase;
import com.pi4j.io.gpio.digital.PullResistance;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One input pin under Pi4J's mock plugin, polled by hand (no executor). */
class PiInputTest {

    private final PiGpio gpio = MockPi.gpio();
    private final ManualContext cx = new ManualContext();

    @AfterEach
    void close() {
        gpio.close();
    }

    @Test
    void nextEdgeReturnsTheFirstEdgeAfterTheWaitStartsWithLevelAndTimestamp() {
        PiInput in = gpio.input(17);
        MockPi.set(in, HIGH);
        MockPi.set(in, LOW);    // both before the wait: nextEdge does not return them
        Future<Edge> next = in.nextEdge(RISING);
        assertTrue(cx.poll(next).isPending(), "edges from before the wait are not the next edge");
        assertEquals(0, in.buffered(), "the wait dropped them when it started");
        long before = System.nanoTime();
        MockPi.set(in, HIGH);
        long after = System.nanoTime();

        Poll<Edge> p = cx.poll(next);

        assertTrue(p.isReady());
        Edge e = p.value();
        assertEquals("GPIO17", e.pin());
        assertEquals(HIGH, e.level());
        assertTrue(e.isRising());
        assertTrue(e.hostNanos() >= before && e.hostNanos() <= after, "timestamp taken in the listener");
        assertTrue(e.boardTicks().isEmpty() && e.boardNanos().isEmpty(), "a Pi edge has no board time");
        assertTrue(e.hostTimeVouched(), "the host measured it itself");
        assertEquals(Duration.ZERO, e.latency());
    }

    /** Starts {@code in.edges(filter)} (its first next() poll) and returns it: it holds every edge from now on. */
    private EdgeStream started(PiInput in, io.wakewire.pin.EdgeFilter filter) {
        EdgeStream s = in.edges(filter);
        Future<Edge> first = s.next();
        assertTrue(cx.poll(first).isPending());
        first.cancel();
        return s;
    }

    @Test
    void aFilterSkipsTheEdgesItDoesNotWant() {
        PiInput in = gpio.input(17);
        EdgeStream falling = started(in, FALLING);
        MockPi.set(in, HIGH);
        MockPi.set(in, LOW);
        MockPi.set(in, HIGH);

        assertEquals(LOW, cx.poll(falling.next()).value().level());
        assertTrue(cx.poll(falling.next()).isPending(), "the rising edges before and after were consumed and skipped");
        assertEquals(0, in.buffered());
    }

    /** Closing a stream wakes the next() pending on it, which then fails naming the stream; the pin stays open. */
    @Test
    void closingAStreamEndsItsPendingNext() throws Exception {
        PiInput in = gpio.input(24);
        EdgeStream s = in.edges(BOTH);
        Future<Edge> next = s.next();
        assertTrue(cx.poll(next).isPending());
        s.close();
        assertTrue(cx.awaitWake(5_000), "close woke the pending next()");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cx.poll(next));
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
        assertFalse(in.hasPendingWait(), "the closed stream's wait left no claim behind");
        Future<Edge> after = in.nextEdge(RISING);
        assertTrue(cx.poll(after).isPending());
        MockPi.set(in, HIGH);
        assertEquals(HIGH, cx.poll(after).value().level(), "the pin itself is still open");
    }

    @Test
    void aPendingWaitIsWokenByAnEdgeFromAnotherThread() throws Exception {
        PiInput in = gpio.input(22);
        Future<Edge> next = in.nextEdge(RISING);
        assertTrue(cx.poll(next).isPending());
        assertTrue(in.hasPendingWait());

        Thread driver = new Thread(() -> MockPi.set(in, HIGH), "pi4j-listener-stand-in");
        driver.start();
        driver.join();

        assertTrue(cx.awaitWake(5_000), "the listener woke the task");
        Edge e = cx.poll(next).value();
        assertEquals(HIGH, e.level());
        assertFalse(in.hasPendingWait(), "a completed wait leaves no waker behind");
    }

    /**
     * The race a waker protocol must survive: an edge lands after the wait found the buffer empty
     * but before it stored its waker. Here the edge is fired from inside {@code cx.waker()}, which
     * the wait calls exactly in that window; the wait must then find the edge itself.
     */
    @Test
    void anEdgeArrivingWhileTheWaitRegistersIsNotMissed() {
        PiInput in = gpio.input(23);
        ManualContext racing = new ManualContext() {
            @Override
            public io.wakewire.task.Waker waker() {
                Thread t = new Thread(() -> MockPi.set(in, HIGH));
                t.start();
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return super.waker();
            }
        };
        Poll<Edge> p = racing.poll(in.nextEdge(RISING));
        assertTrue(p.isReady(), "the edge that raced the registration was found by the second look");
    }

    @Test
    void debounceAndPullArePassedToPi4j() {
        PiInput in = gpio.input(5, InputOptions.defaults().withPull(PULL_DOWN).withDebounce(Duration.ofMillis(3)));
        assertEquals(3_000L, in.digitalInput().config().debounce(), "Pi4J debounce is in microseconds");
        assertEquals(PullResistance.PULL_DOWN, in.digitalInput().config().pull());
        assertEquals(Duration.ofMillis(3), in.options().debounce());

        PiInput up = gpio.input(6, InputOptions.defaults().withPull(Pull.PULL_UP).withDebounce(Duration.ofNanos(1500)));
        assertEquals(1L, up.digitalInput().config().debounce(), "sub-microsecond parts are truncated");
        assertEquals(PullResistance.PULL_UP, up.digitalInput().config().pull());
    }

    @Test
    void overflowIsReportedWithItsCountAndTheKeptEdgesFollow() {
        PiInput in = gpio.input(17, InputOptions.defaults().withBuffer(4));
        EdgeStream all = started(in, BOTH);
        Level level = LOW;
        for (int i = 0; i < 10; i++) {
            level = level.inverse();
            MockPi.set(in, level);
        }

        EdgesLostException lost = assertThrows(EdgesLostException.class, () -> cx.poll(all.next()));
        assertEquals(6, lost.count());
        assertEquals("GPIO17", lost.pin());
        assertEquals(EdgesLostException.Reason.HOST_OVERFLOW, lost.reason());
        assertTrue(lost.getMessage().contains("GPIO17") && lost.getMessage().contains("6 edge(s)"), lost.getMessage());
        assertFalse(in.hasPendingWait(), "a failed wait releases the pin");

        Level want = HIGH;
        for (int i = 0; i < 4; i++) {
            assertEquals(want, cx.poll(all.next()).value().level(), "the oldest edges were kept, in order");
            want = want.inverse();
        }
        assertTrue(cx.poll(all.next()).isPending(), "the loss is reported once");
        assertEquals(6, in.lostTotal());
        assertEquals(10, in.edgesSeen());
    }

    @Test
    void anOverflowWhileWaitingWakesTheTaskAndFailsTheWait() throws Exception {
        PiInput in = gpio.input(17, InputOptions.defaults().withBuffer(1));
        Future<Edge> rising = in.nextEdge(RISING);
        assertTrue(cx.poll(rising).isPending());
        MockPi.set(in, HIGH);
        MockPi.set(in, LOW);        // the buffer holds one edge: this one is lost
        assertTrue(cx.awaitWake(1_000));
        assertThrows(EdgesLostException.class, () -> cx.poll(rising));
    }

    @Test
    void cancellingAWaitLeavesNoWakerAndNoPi4jListenerBehind() throws Exception {
        PiInput in = gpio.input(17);
        var pi4jInput = (DigitalBase<?, ?, ?>) in.digitalInput();
        Future<Edge> next = in.nextEdge(RISING);
        assertTrue(cx.poll(next).isPending());
        assertTrue(in.hasPendingWait());

        next.cancel();
        next.cancel();  // idempotent

        assertFalse(in.hasPendingWait());
        MockPi.set(in, HIGH);
        assertFalse(cx.awaitWake(100), "a cancelled wait is not woken");
        assertEquals(1, in.buffered(), "the edge stays buffered (a stream would take it)");
        assertTrue(cx.poll(in.nextEdge(RISING)).isPending(), "a new nextEdge waits for an edge after it starts");

        in.close();
        assertFalse(pi4jInput.hasListenersOrBindings(), "closing the pin removes our one Pi4J listener");
    }

    @Test
    void aSecondConcurrentWaitOnOnePinIsRefusedClearly() {
        PiInput in = gpio.input(17);
        Future<Edge> first = in.nextEdge(RISING);
        assertTrue(cx.poll(first).isPending());

        var e = assertThrows(IllegalStateException.class, () -> cx.poll(in.nextEdge(FALLING)));
        assertTrue(e.getMessage().contains("GPIO17") && e.getMessage().contains("one consumer"), e.getMessage());

        first.cancel();
        assertTrue(cx.poll(in.nextEdge(FALLING)).isPending(), "after cancel another wait may take the pin");
    }

    @Test
    void closingThePinEndsAWaitAfterTheBufferedEdges() throws Exception {
        PiInput in = gpio.input(17);
        MockPi.set(in, HIGH);
        Future<Edge> falling = in.nextEdge(FALLING);
        assertTrue(cx.poll(falling).isPending());

        in.close();

        assertTrue(cx.awaitWake(1_000), "close wakes the waiting task");
        assertThrows(PinClosedException.class, () -> cx.poll(falling));
        assertTrue(in.isClosed());
        assertDoesNotThrow(in::close, "close is idempotent");
        assertTrue(cx.poll(gpio.input(17).nextEdge(BOTH)).isPending(), "a closed pin can be opened again");
    }

    @Test
    void discardBufferedDropsOldEdgesAndAPendingLossReport() {
        PiInput in = gpio.input(17, InputOptions.defaults().withBuffer(2));
        MockPi.set(in, HIGH);
        MockPi.set(in, LOW);
        MockPi.set(in, HIGH);
        assertEquals(2, in.discardBuffered());
        assertTrue(cx.poll(in.nextEdge(BOTH)).isPending());
    }

    @Test
    void edgesStreamYieldsEveryAcceptedEdgeInOrder() {
        PiInput in = gpio.input(17);
        MockPi.set(in, HIGH);   // before the stream's first next(): not in the stream
        MockPi.set(in, LOW);
        EdgeStream rising = started(in, RISING);
        for (int i = 0; i < 5; i++) {
            MockPi.set(in, HIGH);
            MockPi.set(in, LOW);
        }
        long last = Long.MIN_VALUE;
        for (long i = 0; i < 5; i++) {
            Edge e = cx.poll(rising.next()).value();
            assertEquals(HIGH, e.level());
            assertTrue(e.hostNanos() >= last, "in the listener's order");
            last = e.hostNanos();
        }
        assertTrue(cx.poll(rising.next()).isPending());
    }

    @Test
    void levelReadsThePinNow() {
        PiInput in = gpio.input(17);
        assertEquals(LOW, in.level());
        MockPi.set(in, HIGH);
        assertEquals(HIGH, in.level());
    }
}
