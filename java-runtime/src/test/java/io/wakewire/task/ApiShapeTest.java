package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The combinators' typed shapes (issue 13): either, orTimeout, blockOn(body), checked failures through await. */
class ApiShapeTest {

    static Stream<AsyncEngine> engines() {
        return AsyncTest.engines();
    }

    private final VirtualClock clock = new VirtualClock();
    private final Executor ex = Executor.builder().clock(clock).parker(clock).build();

    private static Future<String> after(int ms, String v) {
        return Futures.sleep(Duration.ofMillis(ms)).map(x -> v);
    }

    @Test
    void eitherGivesTheWinnerWithItsOwnTypeAndCancelsTheOther() {
        Probe<Integer> loser = new Probe<>("loser");
        Either<Integer, String> won = ex.blockOn(Futures.either(loser, after(5, "late enough")));
        String text = switch (won) {
            case Either.First<Integer, String>(Integer n) -> "number " + n;
            case Either.Second<Integer, String>(String s) -> "text " + s;
        };
        assertEquals("text late enough", text);
        assertFalse(won.isFirst());
        assertTrue(loser.cancelled, "the loser is cancelled");
        assertEquals(5_000_000, clock.nanoTime());
    }

    @Test
    void eitherFavoursTheFirstOnATieAndCancelsTheSecondsTimer() {
        Either<String, Void> won = ex.blockOn(Futures.either(Futures.ready("now"), Futures.sleep(Duration.ofHours(1))));
        assertEquals(new Either.First<String, Void>("now"), won);
        assertTrue(ex.dump().contains(" 0 timer(s)"), "the losing sleep left the wheel: " + ex.dump());
    }

    @Test
    void eitherEndsOnAFailureAfterCancellingTheOther() {
        Probe<String> other = new Probe<>("other");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ex.blockOn(Futures.either(other, Futures.<Integer>failed(new IllegalStateException("broken")))));
        assertEquals("broken", e.getMessage());
        assertTrue(other.cancelled);
    }

    @Test
    void cancellingEitherCancelsBoth() {
        Probe<String> a = new Probe<>("a");
        Probe<String> b = new Probe<>("b");
        JoinHandle<Either<String, String>> h = ex.spawn("either", Futures.either(a, b));
        ex.blockOn(Futures.yieldNow());
        h.cancel();
        assertThrows(TaskCancelledException.class, () -> ex.blockOn(h));
        assertTrue(a.cancelled && b.cancelled);
    }

    @Test
    void orTimeoutFailsAfterTheLimitAndCancelsTheFuture() {
        Probe<String> slow = new Probe<>("slow");
        assertThrows(TimedOutException.class, () -> ex.blockOn(slow.orTimeout(Duration.ofMillis(30))));
        assertTrue(slow.cancelled);
        assertEquals(30_000_000, clock.nanoTime());
        assertEquals("quick", ex.blockOn(after(10, "quick").orTimeout(Duration.ofMillis(30))));
    }

    @Test
    void blockOnTakesABodyWithOrWithoutAValue() {
        List<String> seen = new ArrayList<>();
        ex.blockOn(() -> {
            Async.await(Futures.sleep(Duration.ofMillis(3)));
            seen.add("slept");
        });
        String v = ex.blockOn(() -> Async.await(after(2, "value")));
        assertEquals(List.of("slept"), seen);
        assertEquals("value", v);
        assertEquals(5_000_000, clock.nanoTime());
    }

    @Test
    void aFailingBodyGivenToBlockOnThrowsItsOwnUncheckedException() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ex.blockOn(() -> {
            throw new IllegalArgumentException("no");
        }));
        assertEquals("no", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aCheckedExceptionFromABlockingCallIsCaughtByTypeInsideTheBody(AsyncEngine engine) {
        String r = ex.blockOn(engine.async(() -> {
            try {
                Async.await(Futures.blocking(() -> {
                    throw new IOException("disk gone");
                }), IOException.class);
                return "not reached";
            } catch (IOException e) {
                return "caught IOException: " + e.getMessage();
            }
        }));
        assertEquals("caught IOException: disk gone", r);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aCheckedExceptionIsThrownUnwrappedWithoutTheClassToo(AsyncEngine engine) {
        Throwable seen = ex.blockOn(engine.async(() -> {
            try {
                Async.await(Futures.blocking(() -> {
                    throw new IOException("disk gone");
                }));
                return null;
            } catch (Exception e) {
                return e;
            }
        }));
        assertInstanceOf(IOException.class, seen, "no wrapper between the call and the body");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aCheckedExceptionLeavingTheBodyIsWrappedOnceAtTheTaskBoundary(AsyncEngine engine) {
        JoinHandle<String> h = ex.spawn("reader", engine.async(() ->
                Async.await(Futures.<String>blocking(() -> {
                    throw new IOException("disk gone");
                }))));
        TaskFailedException joined = assertThrows(TaskFailedException.class, () -> ex.blockOn(h));
        assertInstanceOf(IOException.class, joined.getCause());
        TaskFailedException direct = assertThrows(TaskFailedException.class, () -> ex.blockOn(engine.async(() ->
                Async.await(Futures.<String>blocking(() -> {
                    throw new IOException("disk gone");
                })))));
        assertInstanceOf(IOException.class, direct.getCause(), "blockOn wraps a checked failure once");
    }
}
