package io.wakewire.board;

import io.wakewire.link.InMemoryLinkPair;
import io.wakewire.task.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the session's unit tests share: an in-memory link whose far end is a {@link FakeBoard},
 * and an executor to run the host side on; each test gets new ones, closed after it.
 */
abstract class FakeBoardTest {

    protected InMemoryLinkPair pair;
    protected FakeBoard fake;
    protected Executor ex;

    @BeforeEach
    void startFakeBoard() {
        pair = InMemoryLinkPair.create();
        fake = new FakeBoard(pair);
        ex = Executor.create();
    }

    @AfterEach
    void stopFakeBoard() {
        fake.close();
        ex.close();
    }
}
