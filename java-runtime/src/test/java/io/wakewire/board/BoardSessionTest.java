package io.wakewire.board;

import io.wakewire.pin.Edge;
import io.wakewire.pin.Level;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.EdgesLostException;

import io.wakewire.link.InMemoryLinkPair;
import io.wakewire.task.Async;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;
import io.wakewire.wire.Command;
import io.wakewire.wire.NakCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.wakewire.board.FakeBoard.edge;
import static io.wakewire.board.FakeBoard.lost;
import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session's behaviour on real time; its timing bounds are in SessionTimeTest, on virtual time. */
@Timeout(20)
class BoardSessionTest extends FakeBoardTest {

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T run(Async.Body<T> body) {
        return ex.blockOn(Async.async(body));
    }

    @Test
    void connectsAndPings() {
        Duration rtt = run(() -> {
            Board b = await(TestBoards.connect(pair));
            assertTrue(b.isReady());
            assertEquals(2, b.info().protocolVersion());
            Duration d = await(b.ping());
            b.close();
            return d;
        });
        assertTrue(rtt.toNanos() > 0);
        assertTrue(fake.count(Command.Clock.class) >= 4, "the clock sync was seeded during the handshake");
    }

    @Test
    void helloIsRetriedUntilTheBoardAnswers() {
        fake.hellosToIgnore = 3;
        run(() -> {
            Board b = await(TestBoards.connect(pair));
            b.close();
            return null;
        });
        assertTrue(fake.count(Command.Hello.class) >= 4, fake.received.toString());
    }

    @Test
    void aBootHelloCompletesTheHandshakeWithoutAnAnswer() {
        fake.hellosToIgnore = 1000;
        Board b = run(() -> {
            Async.spawn("late boot", Async.run(() -> {
                await(Futures.sleep(Duration.ofMillis(100)));
                fake.reset(2);
            }));
            return await(TestBoards.connect(pair));
        });
        assertTrue(b.isReady());
        b.close();
    }

    @Test
    void aWrongSignatureIsAClearErrorAndIsNotRetried() {
        fake.signature = 0x1E9801;
        BoardMismatchException e = assertThrows(BoardMismatchException.class,
                () -> run(() -> await(TestBoards.connect(pair))));
        assertTrue(e.getMessage().contains("1e9801") && e.getMessage().contains("1e950f"), e.getMessage());
        assertTrue(e.getMessage().startsWith("uno@mem"), e.getMessage());
        long hellos = fake.count(Command.Hello.class);
        sleep(300);
        assertEquals(hellos, fake.count(Command.Hello.class), "HELLO was sent again after the mismatch");
    }

    @Test
    void aWrongProtocolVersionIsAClearError() {
        fake.protoVersion = 1;
        BoardMismatchException e = assertThrows(BoardMismatchException.class,
                () -> run(() -> await(TestBoards.connect(pair))));
        assertTrue(e.getMessage().contains("protocol version 1, this host speaks 2"), e.getMessage());
        assertTrue(e.getMessage().contains("wakewire flash --board"), e.getMessage());
        assertTrue(e.getMessage().contains("make flash BOARD="), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void nextEdgeGetsTheEdgeWithItsBoardTimeAndAHostEstimate() {
        Edge e = run(() -> {
            Board b = await(TestBoards.connect(pair));
            var wait = Async.spawn("wait", b.pin("D2").nextEdge(EdgeFilter.RISING));
            await(Futures.sleep(Duration.ofMillis(50)));  // armed by now
            long t = fake.ticksNow();
            fake.events(edge(2, 0, t), edge(2, 1, t + 25));
            Edge got = await(wait);
            b.close();
            return got;
        });
        assertEquals("D2", e.pin());
        assertEquals(Level.HIGH, e.level());
        assertEquals(e.boardTicks().getAsLong() * 4000, e.boardNanos().getAsLong());
        // the fake's tick is nanoTime-based, so the estimate must land near the arrival time
        long err = Math.abs(e.arrivalNanos() - e.hostNanos());
        assertTrue(err < 50_000_000, "host estimate off by " + err + " ns");
        assertEquals(1, fake.count(Command.Arm.class));
    }

    @Test
    void aStreamKeepsOrderAndReportsLossesInPlace() {
        List<String> seen = run(() -> {
            Board b = await(TestBoards.connect(pair));
            EdgeStream d2 = b.pin("D2").edges(EdgeFilter.BOTH);
            EdgeStream d8 = b.pin("D8").edges(EdgeFilter.BOTH);
            var first = Async.spawn("first", d2.next());
            var first8 = Async.spawn("first8", d8.next());
            await(Futures.sleep(Duration.ofMillis(50)));
            fake.events(edge(2, 1, 100), edge(8, 1, 101), lost(0, 7), edge(2, 0, 200), edge(8, 0, 202));
            List<String> out = new ArrayList<>();
            out.add("D2 " + await(first).boardTicks().getAsLong());
            for (int i = 0; i < 2; i++) {
                try {
                    out.add("D2 " + await(d2.next()).boardTicks().getAsLong());
                } catch (EdgesLostException l) {
                    out.add("lost " + l.reason() + " " + l.count());
                }
            }
            out.add("D8 " + await(first8).boardTicks().getAsLong());
            out.add("D8 " + await(d8.next()).boardTicks().getAsLong());
            b.close();
            return out;
        });
        assertEquals(List.of("D2 100", "lost BOARD_OVERFLOW 7", "D2 200", "D8 101", "D8 202"), seen);
    }

    @Test
    void aSequenceGapIsReportedToArmedPins() {
        EdgesLostException e = run(() -> {
            Board b = await(TestBoards.connect(pair));
            EdgeStream s = b.pin("D3").edges(EdgeFilter.BOTH);
            var first = Async.spawn("first", s.next());
            await(Futures.sleep(Duration.ofMillis(50)));
            fake.events(edge(3, 1, 10));
            await(first);
            fake.loseFrames(2);
            fake.events(edge(3, 0, 20));
            try {
                await(s.next());
                return null;
            } catch (EdgesLostException l) {
                assertEquals(20, await(s.next()).boardTicks().getAsLong());
                return l;
            } finally {
                b.close();
            }
        });
        assertNotNull(e, "a gap of two frames was not reported");
        assertEquals(EdgesLostException.Reason.SEQUENCE_GAP, e.reason());
        assertFalse(e.countKnown());
        assertEquals(EdgesLostException.UNKNOWN, e.count());
        assertEquals(2, e.frames());
    }

    @Test
    void aNakIsATypedException() {
        fake.badPins.add(13);
        BoardNakException e = assertThrows(BoardNakException.class, () -> run(() -> {
            Board b = await(TestBoards.connect(pair));
            try {
                return await(b.pin("D13").write(Level.HIGH));
            } finally {
                b.close();
            }
        }));
        assertEquals(NakCode.BAD_PIN, e.code());
        assertEquals(13, e.detail());
        assertTrue(e.getMessage().contains("D13"), e.getMessage());
    }

    @Test
    void writesSetTheModeOnceThenWrite() {
        run(() -> {
            Board b = await(TestBoards.connect(pair));
            await(b.pin("D13").write(Level.HIGH));
            await(b.pin("D13").write(Level.LOW));
            await(b.pin("D9").pwm(0.25));
            b.close();
            return null;
        });
        assertEquals(2, fake.count(Command.PinMode.class));
        assertEquals(2, fake.count(Command.DigitalWrite.class));
        Command.PwmWrite p = (Command.PwmWrite) fake.received.stream().filter(c -> c instanceof Command.PwmWrite)
                .findFirst().orElseThrow();
        assertEquals(64, p.duty());
    }

    @Test
    void analogReadReturnsTheValue() {
        fake.analogValues.put(0, 777);
        AnalogReading r = run(() -> {
            Board b = await(TestBoards.connect(pair));
            try {
                return await(b.pin("A0").analogRead());
            } finally {
                b.close();
            }
        });
        assertEquals(777, r.raw());
        assertEquals("A0", r.pin());
    }

    @Test
    void badPinsAndCapabilitiesFailBeforeAnythingIsSent() {
        run(() -> {
            Board b = await(TestBoards.connect(pair));
            long before = b.stats().framesSent();
            PinException bad = assertThrows(PinException.class, () -> b.pin("D99"));
            assertTrue(bad.getMessage().contains("uno@mem") && bad.getMessage().contains("D99")
                    && bad.getMessage().contains("D2, D3"), bad.getMessage());
            PinException pwm = assertThrows(PinException.class, () -> b.pin("D2").pwm(0.5));
            assertTrue(pwm.getMessage().contains("D2") && pwm.getMessage().contains("PWM"), pwm.getMessage());
            assertThrows(PinException.class, () -> b.pin("D2").analogRead());
            assertThrows(PinException.class, () -> b.pin("D9").pwm(1.5));
            assertEquals(before, b.stats().framesSent());
            b.close();
            return null;
        });
    }

    @Test
    void aRequestWithoutAnswerTimesOut() {
        TimedOutException e = assertThrows(TimedOutException.class, () -> run(() -> {
            // a heartbeat longer than the request timeout, so that the request times out first
            Board b = await(Board.connect(TestBoards.uno(), "mem",
                    TestBoards.fast(pair).withHeartbeat(Duration.ofSeconds(5))));
            fake.mute = true;
            try {
                return await(b.ping());
            } finally {
                b.close();
            }
        }));
        assertTrue(e.getMessage().contains("PING"), e.getMessage());
    }

    @Test
    void aResetMidStreamFailsWaitersThenReArmsTheStream() {
        List<String> seen = run(() -> {
            Board b = await(TestBoards.connect(pair));
            EdgeStream s = b.pin("D2").edges(EdgeFilter.BOTH);
            var first = Async.spawn("first", s.next());
            await(Futures.sleep(Duration.ofMillis(50)));
            fake.events(edge(2, 1, 5));
            List<String> out = new ArrayList<>();
            out.add("edge " + await(first).boardTicks().getAsLong());
            fake.reset(8);
            try {
                await(s.next());
            } catch (BoardResetException e) {
                out.add("reset 0x" + Integer.toHexString(e.resetCause()));
            }
            for (int i = 0; i < 200 && !b.isReady(); i++) {
                await(Futures.sleep(Duration.ofMillis(10)));
            }
            assertTrue(b.isReady(), "the session did not come back after the reset: " + b);
            await(Futures.sleep(Duration.ofMillis(50)));
            fake.events(edge(2, 0, 9));
            out.add("edge " + await(s.next()).boardTicks().getAsLong());
            out.add("resets " + b.stats().resets());
            b.close();
            return out;
        });
        assertEquals(List.of("edge 5", "reset 0x8", "edge 9", "resets 1"), seen);
        assertEquals(2, fake.count(Command.Arm.class), "the stream was re-armed after the reset");
    }

    @Test
    void garbageOnTheLineIsSkippedAndCounted() {
        BoardStats st = run(() -> {
            Board b = await(TestBoards.connect(pair));
            fake.garbage(new byte[] {5, 1, 2, 3, 4, 5, 6, 0, 0x11, 0x22, 0});
            Duration d = await(b.ping());
            assertTrue(d.toNanos() > 0);
            BoardStats s = b.stats();
            b.close();
            return s;
        });
        assertTrue(st.badFrames() + st.crcErrors() >= 2, st.toString());
    }

    @Test
    void theSeedExampleRacesPinsAgainstATimeoutAndCancelsTheLosers() {
        String winner = run(() -> {
            Board b = await(TestBoards.connect(pair));
            Async.spawn("press", Async.run(() -> {
                await(Futures.sleep(Duration.ofMillis(80)));
                fake.events(edge(4, 1, fake.ticksNow()));
            }));
            Edge e = await(Futures.timeout(Futures.race(b.pin("D2").nextEdge(EdgeFilter.RISING),
                    b.pin("D3").nextEdge(EdgeFilter.RISING), b.pin("D4").nextEdge(EdgeFilter.RISING)),
                    Duration.ofSeconds(2)));
            // losers are unsubscribed: a later D2 edge goes to nobody
            long unclaimedBefore = b.stats().edgesUnclaimed();
            fake.events(edge(2, 1, fake.ticksNow()));
            await(b.ping());
            assertEquals(unclaimedBefore + 1, b.stats().edgesUnclaimed());
            assertThrows(TimedOutException.class, () -> await(Futures.timeout(
                    b.pin("D5").nextEdge(EdgeFilter.BOTH), Duration.ofMillis(100))));
            b.close();
            return e.pin();
        });
        assertEquals("D4", winner);
    }

    @Test
    void closingFailsWaitersAndLaterCalls() {
        Throwable t = run(() -> {
            Board b = await(TestBoards.connect(pair));
            var w = Async.spawn("edge", b.pin("D2").nextEdge(EdgeFilter.BOTH));
            await(Futures.sleep(Duration.ofMillis(20)));
            b.close();
            try {
                await(w);
                return null;
            } catch (Throwable e) {
                assertThrows(BoardDisconnectedException.class, () -> await(b.ping()));
                assertFalse(b.isReady());
                return e.getCause() != null ? e.getCause() : e;
            }
        });
        assertInstanceOf(BoardDisconnectedException.class, t);
    }

    /** A stream first used after close fails at every next(), the second time too: never a wait that nothing can end. */
    @Test
    void aStreamFirstUsedAfterCloseFailsEveryTime() {
        run(() -> {
            Board b = await(TestBoards.connect(pair));
            try (EdgeStream s = b.pin("D2").edges(EdgeFilter.BOTH)) {
                b.close();
                for (int i = 0; i < 2; i++) {
                    Throwable e = EndedWaits.failureOf(s.next());
                    assertInstanceOf(BoardDisconnectedException.class, e, "next() #" + (i + 1) + ": " + e);
                }
            }
            return null;
        });
    }

    /** Closing a stream ends a next() that another task awaits: it fails, naming the closed stream. */
    @Test
    void closingAStreamEndsTheNextAnotherTaskAwaits() {
        run(() -> {
            Board b = await(TestBoards.connect(pair));
            EdgeStream s = b.pin("D2").edges(EdgeFilter.BOTH);
            var waiting = Async.spawn("edge", s.next());
            await(Futures.sleep(Duration.ofMillis(20)));
            s.close();
            Throwable e = EndedWaits.failureOf(waiting);
            assertInstanceOf(IllegalStateException.class, e, String.valueOf(e));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            b.close();
            return null;
        });
    }

    /** A message stream waiting when the board closes fails with the board's CLOSED, and so does every later next(). */
    @Test
    void aMessageStreamEndsWithTheBoard() {
        run(() -> {
            Board b = await(TestBoards.connect(pair));
            MessageStream m = b.messages(3);
            var waiting = Async.spawn("message", m.next());
            await(Futures.sleep(Duration.ofMillis(20)));
            b.close();
            Throwable e = EndedWaits.failureOf(waiting);
            assertInstanceOf(BoardDisconnectedException.class, e, "the waiting next(): " + e);
            assertEquals(BoardException.Reason.CLOSED, ((BoardException) e).reason());
            Throwable later = EndedWaits.failureOf(m.next());
            assertInstanceOf(BoardDisconnectedException.class, later, "a later next(): " + later);
            return null;
        });
    }

    @Test
    void withReconnectAStreamSurvivesAnUnplugAndIsReArmed() {
        List<FakeBoard> boards = new ArrayList<>();
        boards.add(fake);
        InMemoryLinkPair[] current = {pair};
        io.wakewire.link.SerialLinkFactory factory = settings -> {
            if (current[0].a().state() != io.wakewire.link.LinkState.OPEN) {
                current[0] = InMemoryLinkPair.create();
                boards.add(new FakeBoard(current[0]));
            }
            return current[0].a();
        };
        BoardOptions opts = TestBoards.fast(pair).withLinks(factory).withReconnect(true);
        List<String> seen = run(() -> {
            Board b = await(Board.connect(TestBoards.uno(), "mem", opts));
            EdgeStream s = b.pin("D2").edges(EdgeFilter.BOTH);
            var first = Async.spawn("first", s.next());
            await(Futures.sleep(Duration.ofMillis(50)));
            fake.events(edge(2, 1, 5));
            List<String> out = new ArrayList<>();
            out.add("edge " + await(first).boardTicks().getAsLong());
            fake.unplug();
            try {
                await(s.next());
            } catch (BoardDisconnectedException e) {
                out.add("disconnected");
            }
            for (int i = 0; i < 300 && !(b.isReady() && boards.size() == 2); i++) {
                await(Futures.sleep(Duration.ofMillis(10)));
            }
            assertTrue(b.isReady(), "no reconnect: " + b);
            await(Futures.sleep(Duration.ofMillis(50)));
            FakeBoard second = boards.get(1);
            second.events(edge(2, 0, 77));
            out.add("edge " + await(s.next()).boardTicks().getAsLong());
            out.add("connects " + b.stats().connects());
            b.close();
            return out;
        });
        assertEquals(List.of("edge 5", "disconnected", "edge 77", "connects 2"), seen);
        assertEquals(1, boards.get(1).count(Command.Arm.class), "the new connection re-armed D2");
        boards.forEach(FakeBoard::close);
    }

    @Test
    void twoWaitersArmingAtOnceLeaveTheBoardArmedForTheUnion() {
        run(() -> {
            Board b = await(TestBoards.connect(pair));
            var rising = Async.spawn("rising", b.pin("D2").nextEdge(EdgeFilter.RISING));
            EdgeStream falling = b.pin("D2").edges(EdgeFilter.FALLING);
            var f = Async.spawn("falling", falling.next());
            await(Futures.sleep(Duration.ofMillis(100)));
            fake.events(edge(2, 1, 10), edge(2, 0, 20));
            assertEquals(Level.HIGH, await(rising).level());
            assertEquals(Level.LOW, await(f).level());
            b.close();
            return null;
        });
        Command.Arm last = (Command.Arm) fake.received.stream().filter(c -> c instanceof Command.Arm)
                .reduce((x, y) -> y).orElseThrow();
        assertEquals(Command.Arm.BOTH, last.edges(), "the last ARM the board saw: " + fake.received);
    }

    @Test
    void aResetWhoseHelloWasLostIsFoundByTheClockGoingBack() {
        List<String> seen = run(() -> {
            Board b = await(TestBoards.connect(pair));
            EdgeStream s = b.pin("D2").edges(EdgeFilter.BOTH);
            var first = Async.spawn("first", s.next());
            await(Futures.sleep(Duration.ofMillis(300))); // armed, and a few CLOCK samples at a growing tick
            fake.silentReset();
            List<String> out = new ArrayList<>();
            try {
                await(first);
            } catch (Throwable t) {
                Throwable c = t instanceof BoardException ? t : t.getCause();
                out.add(c.getClass().getSimpleName()); // the sequence restarting at 0 looks like lost frames first
            }
            try {
                await(s.next());
            } catch (BoardResetException r) {
                out.add(r.getMessage().contains("clock went back") ? "reset found by the clock" : r.getMessage());
            }
            for (int i = 0; i < 200 && !b.isReady(); i++) {
                await(Futures.sleep(Duration.ofMillis(10)));
            }
            out.add("ready " + b.isReady() + ", resets " + b.stats().resets());
            b.close();
            return out;
        });
        assertEquals(List.of("EdgesLostException", "reset found by the clock", "ready true, resets 1"), seen);
    }

    @Test
    void aCancelledWaiterDoesNotTakeTheArmAnotherWaiterReliesOn() {
        Edge e = run(() -> {
            Board b = await(TestBoards.connect(pair));
            var first = Async.spawn("first", b.pin("D7").nextEdge(EdgeFilter.RISING));
            var second = Async.spawn("second", b.pin("D7").nextEdge(EdgeFilter.RISING));
            await(Futures.yieldNow()); // both have subscribed; the PIN_MODE is in flight
            first.cancel();
            await(Futures.sleep(Duration.ofMillis(100)));
            fake.events(edge(7, 1, 42));
            try {
                return await(Futures.timeout(second, Duration.ofSeconds(2)));
            } finally {
                b.close();
            }
        });
        assertEquals(42, e.boardTicks().getAsLong());
        assertEquals(1, fake.count(Command.Arm.class), fake.received.toString());
    }
}
