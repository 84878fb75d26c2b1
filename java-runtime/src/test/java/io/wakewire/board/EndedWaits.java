package io.wakewire.board;

import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;

import java.time.Duration;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** For tests of waits that something else must end (a close, the session's end): never a wait for good. */
final class EndedWaits {

    private EndedWaits() {
    }

    /**
     * What {@code wait} failed with, unwrapped from its task; awaited inside an async body. A wait
     * still pending after 2 s fails the test: nothing ended it.
     */
    static Throwable failureOf(Future<?> wait) {
        Throwable e = assertThrows(Throwable.class, () -> await(Futures.timeout(wait, Duration.ofSeconds(2))));
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        assertFalse(cause instanceof TimedOutException, "nothing ended the wait: " + e);
        return cause;
    }
}
