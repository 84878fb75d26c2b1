package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {

    private final VirtualClock clock = new VirtualClock();
    private final Executor ex = Executor.builder().clock(clock).parker(clock).build();

    @Test
    void closingTheScopeCancelsUnfinishedChildren() {
        Probe<Void> forever = new Probe<>("forever");
        JoinHandle<?>[] stuck = new JoinHandle<?>[1];
        String r = ex.blockOn(Async.async(() -> {
            try (Scope scope = Scope.open(Async.context())) {
                stuck[0] = scope.spawn("stuck", forever);
                JoinHandle<String> quick = scope.spawn("quick", Futures.sleep(Duration.ofMillis(1)).map(x -> "q"));
                return Async.await(quick);
            }
        }));
        assertEquals("q", r);
        ex.blockOn(Futures.yieldNow()); // the cancellation runs on the next turn
        assertTrue(forever.cancelled);
        assertTrue(stuck[0].isDone());
        assertEquals(0, ex.liveTasks());
    }

    @Test
    void joinAwaitsEveryChild() {
        List<Object> values = ex.blockOn(Async.async(() -> {
            try (Scope scope = Scope.open(Async.context())) {
                scope.spawn("a", Futures.sleep(Duration.ofMillis(5)).map(x -> 1));
                scope.spawn("b", Futures.sleep(Duration.ofMillis(2)).map(x -> 2));
                return Async.await(scope.join());
            }
        }));
        assertEquals(List.of(1, 2), values);
    }

    @Test
    void openWithoutArgumentsFindsTheExecutorOfTheBody() {
        Probe<Void> forever = new Probe<>("forever");
        ex.blockOn(Async.run(() -> {
            try (Scope scope = Scope.open()) {
                scope.spawn("stuck", forever);
                assertEquals(1, scope.running());
            }
        }));
        ex.blockOn(Futures.yieldNow());
        assertTrue(forever.cancelled);
        IllegalStateException e = assertThrows(IllegalStateException.class, Scope::open);
        assertTrue(e.getMessage().contains("outside any executor"), e.getMessage());
    }

    @Test
    void aClosedScopeRefusesSpawns() {
        Scope scope = Scope.open(ex);
        scope.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> scope.spawn("late", Futures.ready(1)));
        assertTrue(e.getMessage().contains("closed"));
    }
}
