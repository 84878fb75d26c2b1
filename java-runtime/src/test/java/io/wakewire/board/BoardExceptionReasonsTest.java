package io.wakewire.board;

import io.wakewire.link.PortOpenException;
import io.wakewire.pin.Level;
import io.wakewire.task.Async;
import io.wakewire.task.Futures;
import io.wakewire.task.JoinHandle;
import io.wakewire.task.TimedOutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each way a session fails carries its reason, produced by the real path (the fake board on
 * virtual time), so callers and the CLI switch on {@link BoardException#reason()} and never read
 * the message; and a command without answer fails with the one timeout type.
 */
@Timeout(20)
class BoardExceptionReasonsTest extends OnVirtualTime {

    /** What {@code body} threw, unwrapped from the task. */
    private BoardException failure(Async.Body<?> body) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> ex.blockOn(Async.async(body)));
        Throwable t = e instanceof BoardException ? e : e.getCause();
        return assertInstanceOf(BoardException.class, t, String.valueOf(t));
    }

    private static <T> BoardException failureOf(JoinHandle<T> h) {
        Throwable t = assertThrows(RuntimeException.class, () -> await(h)).getCause();
        return assertInstanceOf(BoardException.class, t, String.valueOf(t));
    }

    @Test
    void noHelloInTimeIsNoHello() {
        fake.hellosToIgnore = Integer.MAX_VALUE;
        BoardException e = failure(() -> await(TestBoards.connect(pair)));
        assertEquals(BoardException.Reason.NO_HELLO, e.reason());
        assertTrue(e.reason().isDisconnect());
    }

    @Test
    void aPortThatWillNotOpenIsPortUnavailableWithThePortProblemAsCause() {
        BoardException e = failure(() -> await(Board.connect(TestBoards.uno(), "/dev/ttyNONE", TestBoards.fast(pair)
                .withLinks(settings -> {
                    throw new PortOpenException(settings.portName(), PortOpenException.Problem.NOT_FOUND, "no such port", null);
                }))));
        assertEquals(BoardException.Reason.PORT_UNAVAILABLE, e.reason());
        assertInstanceOf(PortOpenException.class, e.getCause());
    }

    @Test
    void aWrongSignatureIsAMismatch() {
        fake.signature = 0x1E9801;
        BoardException e = failure(() -> await(TestBoards.connect(pair)));
        assertEquals(BoardException.Reason.MISMATCH, e.reason());
        assertInstanceOf(BoardMismatchException.class, e);
    }

    @Test
    void aNakIsRefusedAndABadPinNameIsBadPin() {
        fake.badPins.add(4);
        ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            BoardException nak = assertThrows(BoardNakException.class, () -> await(b.pin("D4").write(Level.HIGH)));
            assertEquals(BoardException.Reason.REFUSED, nak.reason());
            BoardException pin = assertThrows(PinException.class, () -> b.pin("D99"));
            assertEquals(BoardException.Reason.BAD_PIN, pin.reason());
            assertTrue(!pin.reason().isDisconnect());
            b.close();
            return null;
        }));
    }

    @Test
    void anUnplugIsLinkLostAndACallAfterCloseIsClosed() {
        ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            fake.holdAnswers = true;
            var ping = Async.spawn("ping", b.ping());
            await(Futures.sleep(Duration.ofMillis(10)));
            fake.unplug();
            assertEquals(BoardException.Reason.LINK_LOST, failureOf(ping).reason());
            b.close();
            Throwable t = assertThrows(BoardDisconnectedException.class, () -> await(b.ping()));
            assertEquals(BoardException.Reason.CLOSED, ((BoardException) t).reason());
            return null;
        }));
    }

    @Test
    void aSilentBoardIsSilentAndAResetIsReset() {
        ex.blockOn(Async.async(() -> {
            Board b = await(Board.connect(TestBoards.uno(), "mem", TestBoards.fast(pair)
                    .withRequestTimeout(Duration.ofSeconds(5))));
            fake.mute = true; // the link stays up; the heartbeat (400 ms) finds it silent
            var ping = Async.spawn("ping", b.ping());
            assertEquals(BoardException.Reason.SILENT, failureOf(ping).reason());
            b.close();
            return null;
        }));
        fresh(); // a new board and executor for the second case
        ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            fake.holdAnswers = true;
            var ping = Async.spawn("ping", b.ping());
            await(Futures.sleep(Duration.ofMillis(10)));
            fake.reset(8);
            BoardException e = failureOf(ping);
            assertEquals(BoardException.Reason.RESET, e.reason());
            assertEquals(8, assertInstanceOf(BoardResetException.class, e).resetCause());
            b.close();
            return null;
        }));
    }

    @Test
    void noAnswerInTimeIsTheOneTimeoutType() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> ex.blockOn(Async.async(() -> {
            Board b = await(Board.connect(TestBoards.uno(), "mem", TestBoards.fast(pair)
                    .withHeartbeat(Duration.ofSeconds(5))));
            fake.mute = true;
            try {
                return await(b.ping());
            } finally {
                b.close();
            }
        })));
        Throwable t = e instanceof TimedOutException ? e : e.getCause();
        TimedOutException timeout = assertInstanceOf(TimedOutException.class, t, String.valueOf(t));
        assertEquals(Duration.ofMillis(500), timeout.limit());
        assertTrue(timeout.getMessage().contains("PING") && timeout.getMessage().contains("uno@mem"), timeout.getMessage());
    }
}
