package io.wakewire.sync;

import io.wakewire.task.Future;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ChannelTest {

    private final ManualContext cx = new ManualContext();

    @Test
    void messagesArriveInOrder() {
        Channel<Integer> ch = new Channel<>(4);
        for (int i = 0; i < 4; i++) {
            cx.ready(ch.send(i));
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(i, cx.ready(ch.receive()));
        }
    }

    @Test
    void waitingReceiverIsWokenBySend() {
        Channel<String> ch = new Channel<>(1);
        Future<String> r = ch.receive();
        cx.pending(r);
        assertTrue(ch.trySend("hello"));
        assertEquals(1, cx.wakes());
        assertEquals("hello", cx.ready(r));
    }

    @Test
    void sendWaitsWhileFullAndIsWokenWhenAMessageIsTaken() {
        Channel<String> ch = new Channel<>(2);
        cx.ready(ch.send("a"));
        cx.ready(ch.send("b"));
        assertFalse(ch.trySend("x"), "full");
        Future<Void> c = ch.send("c");
        cx.pending(c);
        assertEquals(2, ch.size());
        assertEquals("a", cx.ready(ch.receive()));
        assertEquals(1, cx.takeWakes(), "the waiting sender is woken by the freed slot");
        assertFalse(ch.trySend("x"), "the freed slot is reserved for the waiting sender");
        cx.ready(c);
        assertEquals("b", cx.ready(ch.receive()));
        assertEquals("c", cx.ready(ch.receive()));
    }

    @Test
    void closeLetsReceiversDrainThenGivesEndOfStream() {
        Channel<Integer> ch = new Channel<>(3);
        ch.trySend(1);
        ch.trySend(2);
        ch.close();
        assertEquals(1, cx.ready(ch.receive()));
        assertEquals(2, cx.ready(ch.receive()));
        assertNull(cx.ready(ch.receive()));
        assertNull(cx.ready(ch.receive()), "end of stream stays end of stream");
    }

    @Test
    void closeWakesWaitingReceiversWithEndOfStream() {
        Channel<Integer> ch = new Channel<>(1);
        Future<Integer> r = ch.receive();
        cx.pending(r);
        ch.close();
        assertEquals(1, cx.wakes());
        assertNull(cx.ready(r));
    }

    @Test
    void closeFailsWaitingAndNewSendsWithTheChannelName() {
        Channel<Integer> ch = new Channel<>("jobs", 1);
        cx.ready(ch.send(1));
        Future<Void> blocked = ch.send(2);
        cx.pending(blocked);
        ch.close();
        assertEquals(1, cx.wakes());
        ClosedException e = assertThrows(ClosedException.class, () -> cx.poll(blocked));
        assertTrue(e.getMessage().contains("jobs"), e.getMessage());
        assertThrows(ClosedException.class, () -> cx.poll(ch.send(3)));
        assertFalse(ch.trySend(4));
        assertTrue(ch.isClosed());
        assertEquals(1, cx.ready(ch.receive()));
        assertNull(cx.ready(ch.receive()));
    }

    @Test
    void cancelledSendThatHadBeenGrantedASlotGivesItBackAndSendsNothing() {
        Channel<String> ch = new Channel<>(1);
        cx.ready(ch.send("a"));
        Future<Void> cancelled = ch.send("never");
        Future<Void> next = ch.send("b");
        cx.pending(cancelled);
        cx.pending(next);
        assertEquals("a", cx.ready(ch.receive()));  // the slot is granted to 'cancelled'
        cancelled.cancel();                       // ...which hands it on to 'next'
        cx.ready(next);
        assertEquals("b", cx.ready(ch.receive()));
        cx.pending(ch.receive());
    }

    @Test
    void cancelledReceiveThatWasWokenPassesTheWakeOn() {
        Channel<String> ch = new Channel<>(2);
        Future<String> first = ch.receive();
        Future<String> second = ch.receive();
        cx.pending(first);
        cx.pending(second);
        ch.trySend("m");
        assertEquals(1, cx.takeWakes());
        first.cancel();
        assertEquals(1, cx.takeWakes(), "the message is still there, so the next receiver is woken");
        assertEquals("m", cx.ready(second));
    }

    @Test
    void nullMessagesAndBadCapacityAreRejectedWithTheName() {
        Channel<String> ch = new Channel<>("log", 1);
        NullPointerException e = assertThrows(NullPointerException.class, () -> ch.send(null));
        assertTrue(e.getMessage().contains("log"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> new Channel<>("log", 0));
        assertTrue(e2.getMessage().contains("capacity"), e2.getMessage());
    }

    @Test
    void describeNamesTheChannel() {
        Channel<String> ch = new Channel<>("events", 1);
        Future<String> r = ch.receive();
        cx.pending(r);
        assertTrue(r.describe().startsWith("Channel(events).receive [waiting"), r.describe());
    }

    @Test
    void pendingRepollsAllocateNothing() {
        Channel<String> ch = new Channel<>(1);
        Future<String> r = ch.receive();
        cx.pending(r);
        long bytes = AllocationMeter.measure(() -> {
            for (int i = 0; i < 10_000; i++) {
                r.poll(cx);
            }
        });
        assertTrue(bytes < 1024, "10,000 pending receive polls allocated " + bytes + " bytes");

        Channel<String> full = new Channel<>(1);
        full.trySend("x");
        Future<Void> s = full.send("y");
        cx.pending(s);
        long sendBytes = AllocationMeter.measure(() -> {
            for (int i = 0; i < 10_000; i++) {
                s.poll(cx);
            }
        });
        assertTrue(sendBytes < 1024, "10,000 pending send polls allocated " + sendBytes + " bytes");
    }
}
