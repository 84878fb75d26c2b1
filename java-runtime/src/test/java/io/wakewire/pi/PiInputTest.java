package io.wakewire.pi;

import static io.wakewire.pi.EdgeFilter.BOTH;
import static io.wakewire.pi.EdgeFilter.FALLING;
import static io.wakewire.pi.EdgeFilter.RISING;
import static io.wakewire.pi.Level.HIGH;
import static io.wakewire.pi.Level.LOW;
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
    void anEdgeBufferedBeforeTheWaitIsReturnedWithLevelAndTimestamp() {
        PiInput in = gpio.input(17);
        long before = System.nanoTime();
        MockPi.set(in, HIGH);
        long after = System.nanoTime();

        Poll<Edge> p = cx.poll(in.nextEdge(RISING));

        assertTrue(p.isReady());
        Edge e = p.value();
        assertEquals(17, e.pin());
        assertEquals("GPIO17", e.pinName());
        assertEquals(HIGH, e.level());
        assertTrue(e.isRising());
        assertTrue(e.nanos() >= before && e.nanos() <= after, "timestamp taken in the listener");
        assertEquals(0, e.seq());
    }

    @Test
    void aFilterSkipsTheEdgesItDoesNotWant() {
        PiInput in = gpio.input(17);
        MockPi.set(in, HIGH);
        MockPi.set(in, LOW);
        MockPi.set(in, HIGH);

        Edge falling = cx.poll(in.nextEdge(FALLING)).value();
        assertEquals(LOW, falling.level());
        assertEquals(1, falling.seq(), "the rising edge before it was consumed and skipped");
        assertEquals(2, cx.poll(in.nextEdge(BOTH)).value().seq());
        assertTrue(cx.poll(in.nextEdge(BOTH)).isPending());
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
        PiInput in = gpio.input(5, PULL_DOWN, Duration.ofMillis(3));
        assertEquals(3_000L, in.digitalInput().config().debounce(), "Pi4J debounce is in microseconds");
        assertEquals(PullResistance.PULL_DOWN, in.digitalInput().config().pull());
        assertEquals(Duration.ofMillis(3), in.debounce());

        PiInput up = gpio.input(6, Pull.PULL_UP, Duration.ofNanos(1500));
        assertEquals(1L, up.digitalInput().config().debounce(), "sub-microsecond parts are truncated");
        assertEquals(PullResistance.PULL_UP, up.digitalInput().config().pull());
    }

    @Test
    void overflowIsReportedWithItsCountAndTheKeptEdgesFollow() {
        PiInput in = gpio.input(17, Pull.NONE, Duration.ZERO, 4);
        Level level = LOW;
        for (int i = 0; i < 10; i++) {
            level = level.inverse();
            MockPi.set(in, level);
        }

        EdgesLostException lost = assertThrows(EdgesLostException.class, () -> cx.poll(in.nextEdge(BOTH)));
        assertEquals(6, lost.lost());
        assertEquals(17, lost.pin());
        assertTrue(lost.getMessage().contains("GPIO17") && lost.getMessage().contains("6 edge(s) lost"), lost.getMessage());
        assertFalse(in.hasPendingWait(), "a failed wait releases the pin");

        for (long seq = 0; seq < 4; seq++) {
            assertEquals(seq, cx.poll(in.nextEdge(BOTH)).value().seq(), "the oldest edges were kept");
        }
        assertTrue(cx.poll(in.nextEdge(BOTH)).isPending(), "the loss is reported once");
        assertEquals(6, in.lostTotal());
        assertEquals(10, in.edgesSeen());
    }

    @Test
    void anOverflowWhileWaitingWakesTheTaskAndFailsTheWait() throws Exception {
        PiInput in = gpio.input(17, Pull.NONE, Duration.ZERO, 1);
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
        assertEquals(1, in.buffered(), "the edge stays buffered for the next wait");
        assertTrue(cx.poll(in.nextEdge(RISING)).isReady());

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
        PiInput in = gpio.input(17, Pull.NONE, Duration.ZERO, 2);
        MockPi.set(in, HIGH);
        MockPi.set(in, LOW);
        MockPi.set(in, HIGH);
        assertEquals(2, in.discardBuffered());
        assertTrue(cx.poll(in.nextEdge(BOTH)).isPending());
    }

    @Test
    void edgesStreamYieldsEveryAcceptedEdgeInOrder() {
        PiInput in = gpio.input(17);
        EdgeStream rising = in.edges(RISING);
        for (int i = 0; i < 5; i++) {
            MockPi.set(in, HIGH);
            MockPi.set(in, LOW);
        }
        for (long i = 0; i < 5; i++) {
            assertEquals(2 * i, cx.poll(rising.next()).value().seq());
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
