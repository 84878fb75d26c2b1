package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OffloadTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aBlockingCallRunsOffTheExecutorThreadWhileOthersProceed() {
        try (Executor ex = Executor.create()) {
            Thread executorThread = Thread.currentThread();
            CountDownLatch otherRan = new CountDownLatch(1);
            ex.spawn("other", Futures.lazy(() -> {
                otherRan.countDown();
                return null;
            }));
            String r = ex.blockOn(Futures.blocking(() -> {
                assertNotSame(executorThread, Thread.currentThread());
                // Blocks until the other task has run: only possible if the executor is free.
                assertTrue(otherRan.await(20, TimeUnit.SECONDS));
                return "done";
            }));
            assertEquals("done", r);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void itsFailureIsTheFuturesFailure() {
        try (Executor ex = Executor.create()) {
            // blockOn hands a checked failure over wrapped once, with the original as the cause.
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> ex.blockOn(Async.async(() ->
                    Async.await(Futures.blocking(() -> {
                        throw new java.io.IOException("disk gone");
                    })))));
            assertInstanceOf(java.io.IOException.class, e.getCause());
            assertEquals("disk gone", e.getCause().getMessage());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void cancellingInterruptsTheCall() throws Exception {
        try (Executor ex = Executor.create()) {
            CountDownLatch interrupted = new CountDownLatch(1);
            AtomicBoolean started = new AtomicBoolean();
            JoinHandle<Object> h = ex.spawn("sleeper", Futures.blocking(() -> {
                started.set(true);
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return null;
            }));
            ex.blockOn(Async.async(() -> {
                while (!started.get()) {
                    Async.await(Futures.sleep(java.time.Duration.ofMillis(1)));
                }
                return null;
            }));
            h.cancel();
            assertThrows(TaskCancelledException.class, () -> ex.blockOn(h));
            assertTrue(interrupted.await(20, TimeUnit.SECONDS));
        }
    }
}
