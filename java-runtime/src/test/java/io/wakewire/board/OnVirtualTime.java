package io.wakewire.board;

import io.wakewire.link.InMemoryLinkPair;
import io.wakewire.task.Executor;
import io.wakewire.task.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;

/**
 * A fake board on an executor of a virtual clock, linked in memory: what the session tests that
 * extend it need to make every time bound exact (nothing runs unless the clock is moved).
 */
abstract class OnVirtualTime {

    private final List<AutoCloseable> open = new ArrayList<>();
    protected VirtualClock clock;
    protected Executor ex;
    protected InMemoryLinkPair pair;
    protected FakeBoard fake;

    @BeforeEach
    void startVirtualTime() {
        fresh();
    }

    /** A new executor, clock, link and fake board (one per trial of a sweep); all are closed after the test. */
    protected void fresh() {
        clock = new VirtualClock();
        ex = Executor.builder().clock(clock).parker(clock).build();
        pair = InMemoryLinkPair.create();
        fake = FakeBoard.onExecutor(pair, ex, clock);
        open.add(fake);
        open.add(ex);
    }

    @AfterEach
    void closeVirtualTime() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }
}
