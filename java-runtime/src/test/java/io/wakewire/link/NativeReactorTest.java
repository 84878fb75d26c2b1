package io.wakewire.link;

import io.wakewire.task.Clock;
import io.wakewire.task.Context;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.Parker;
import io.wakewire.task.Poll;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The native reactor as a {@link Parker}: wakes, deadlines, close, and under a real executor. */
@Timeout(30)
class NativeReactorTest {

    @BeforeEach
    void gate() {
        NativeSupport.requireNative();
    }

    /** Waits until {@code t} sits in native code or a park (not merely started). */
    private static void awaitBlocked(Thread t) throws InterruptedException {
        while (t.getState() == Thread.State.NEW) {
            Thread.sleep(1);
        }
        Thread.sleep(100); // enough to reach epoll_wait; the assertions below do not depend on it
    }

    @Test
    void aWakeFromAnotherThreadEndsThePark() throws Exception {
        try (NativeReactor reactor = new NativeReactor()) {
            AtomicBoolean unparked = new AtomicBoolean();
            AtomicBoolean returnedBeforeUnpark = new AtomicBoolean();
            Thread parker = Thread.ofPlatform().start(() -> {
                reactor.park(Parker.NO_DEADLINE, Clock.SYSTEM);
                returnedBeforeUnpark.set(!unparked.get());
            });
            awaitBlocked(parker);
            assertTrue(parker.isAlive(), "park returned with no wake, no deadline and no port");
            unparked.set(true);
            reactor.unpark();
            parker.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(parker.isAlive(), "unpark from another thread did not end the park");
            assertFalse(returnedBeforeUnpark.get());
        }
    }

    @Test
    void anUnparkBeforeTheParkIsKept() {
        try (NativeReactor reactor = new NativeReactor()) {
            reactor.unpark();
            reactor.unpark(); // repeated: still one permit, no error
            reactor.park(Parker.NO_DEADLINE, Clock.SYSTEM); // returns at once, or @Timeout fails the test
            // the permit was consumed: the next park waits for its deadline
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30);
            reactor.park(deadline, Clock.SYSTEM);
            assertTrue(System.nanoTime() - deadline >= 0, "second park returned before its deadline");
        }
    }

    @Test
    void aDeadlineIsHonouredAndEndsThePark() {
        try (NativeReactor reactor = new NativeReactor()) {
            for (long millis : new long[] {1, 20, 120}) {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
                reactor.park(deadline, Clock.SYSTEM); // no wake comes: only the timerfd can end it
                long late = System.nanoTime() - deadline;
                assertTrue(late >= 0, "park of " + millis + " ms returned " + (-late) + " ns before its deadline");
            }
            long past = System.nanoTime() - 1_000_000;
            reactor.park(past, Clock.SYSTEM); // a deadline already gone: returns without sleeping
        }
    }

    @Test
    void aLaterNoDeadlineParkIsNotEndedByAnEarlierTimer() throws Exception {
        try (NativeReactor reactor = new NativeReactor()) {
            // arm the timer far away, then wake: the timer stays armed unless park disarms it
            reactor.unpark();
            reactor.park(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50), Clock.SYSTEM);
            AtomicBoolean returned = new AtomicBoolean();
            Thread t = Thread.ofPlatform().start(() -> {
                reactor.park(Parker.NO_DEADLINE, Clock.SYSTEM);
                returned.set(true);
            });
            Thread.sleep(250); // well past the 50 ms timer
            assertFalse(returned.get(), "a stale timer ended a park that had no deadline");
            reactor.unpark();
            t.join(10_000);
            assertTrue(returned.get());
        }
    }

    @Test
    void aLaterDeadlineKeepsTheArmedTimerButDoesNotEndBeforeItsOwnDeadline() {
        try (NativeReactor reactor = new NativeReactor()) {
            // arm the timer for 30 ms, then wake: the armed timer is kept for the next park
            reactor.unpark();
            reactor.park(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30), Clock.SYSTEM);
            for (long millis : new long[] {150, 160}) { // later deadlines: the 30 ms timer fires first
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
                reactor.park(deadline, Clock.SYSTEM);
                long late = System.nanoTime() - deadline;
                assertTrue(late >= 0, "park returned " + (-late) + " ns before its deadline (at the earlier timer)");
            }
        }
    }

    @Test
    void anEarlierDeadlineRearmsTheTimer() throws Exception {
        try (NativeReactor reactor = new NativeReactor()) {
            // arm the timer an hour away, then wake: a later park with a near deadline must not wait for it
            reactor.unpark();
            reactor.park(System.nanoTime() + TimeUnit.HOURS.toNanos(1), Clock.SYSTEM);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
            Thread t = Thread.ofPlatform().start(() -> reactor.park(deadline, Clock.SYSTEM));
            t.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(t.isAlive(), "a park with a nearer deadline waited for the timer armed an hour away");
            assertTrue(System.nanoTime() - deadline >= 0);
        }
    }

    @Test
    void closeWhileParkedEndsTheParkAndLaterParksStillWork() throws Exception {
        NativeReactor reactor = new NativeReactor();
        Thread parker = Thread.ofPlatform().start(() -> reactor.park(Parker.NO_DEADLINE, Clock.SYSTEM));
        awaitBlocked(parker);
        reactor.close();
        parker.join(10_000);
        assertFalse(parker.isAlive(), "close() did not end a park in progress");
        reactor.close(); // idempotent
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        reactor.park(deadline, Clock.SYSTEM); // falls back to the JDK parker
        assertTrue(System.nanoTime() - deadline >= 0);
        reactor.unpark();
        reactor.park(Parker.NO_DEADLINE, Clock.SYSTEM);
    }

    @Test
    void twoThreadsParkingInOneReactorIsAnError() throws Exception {
        try (NativeReactor reactor = new NativeReactor()) {
            Thread parker = Thread.ofPlatform().start(() -> reactor.park(Parker.NO_DEADLINE, Clock.SYSTEM));
            awaitBlocked(parker);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> reactor.park(Parker.NO_DEADLINE, Clock.SYSTEM));
            assertTrue(e.getMessage().contains("one executor"), e.getMessage());
            reactor.unpark();
            parker.join(10_000);
        }
    }

    /** A future that is ready once another thread has fired it; it wakes through its stored waker. */
    private static final class Fired implements Future<String> {
        final AtomicReference<io.wakewire.task.Waker> waker = new AtomicReference<>();
        final CountDownLatch polledOnce = new CountDownLatch(1);
        volatile String value;

        @Override
        public Poll<String> poll(Context cx) {
            waker.set(cx.waker());
            String v = value;
            polledOnce.countDown();
            return v == null ? Poll.pending() : Poll.ready(v);
        }

        @Override
        public void cancel() {
        }

        @Override
        public String describe() {
            return "fired by a test thread";
        }

        void fire(String v) {
            value = v;
            waker.get().wake();
        }
    }

    @Test
    void anExecutorParkedInTheReactorWakesForATaskWokenElsewhereAndForItsTimers() throws Exception {
        try (NativeReactor reactor = new NativeReactor();
             Executor ex = Executor.builder().parker(reactor).build()) {
            Fired fired = new Fired();
            Thread firer = Thread.ofPlatform().start(() -> {
                try {
                    fired.polledOnce.await();
                    Thread.sleep(50); // let the executor reach epoll_wait
                    fired.fire("woken");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertEquals("woken", ex.blockOn(fired));
            firer.join();

            long start = System.nanoTime();
            ex.blockOn(Futures.sleep(Duration.ofMillis(40)));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(40), "sleep ended early");
        }
    }
}
