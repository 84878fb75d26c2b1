package io.wakewire.cli;

import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardException;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the demo does to a virtual board's pins, as a person with a signal generator, a
 * potentiometer and a button would: a square wave on the pulse-train pin, a voltage on the
 * analog pin that steps once a second, one 50 ms pulse on the race pin after a second.
 *
 * <p>It runs on a thread of its own because {@link VirtualBoard}'s calls block until vboard
 * answers (a few ms, more on a loaded machine) and the demo's executor thread must never block.
 */
final class VirtualStimulus implements AutoCloseable {

    private static final int[] MILLIVOLTS = {2500, 1000, 4000, 3300, 500};

    private final VirtualBoard vb;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-stimulus");
        t.setDaemon(true);
        return t;
    });
    private volatile String failure;
    private volatile int millivolts = MILLIVOLTS[0];

    VirtualStimulus(VirtualBoard vb) {
        this.vb = vb;
    }

    /**
     * Starts the pulse train ({@code edges} edges, {@code rate} edges a second), the analog steps
     * and, after {@code raceAfter}, one pulse on the race pin.
     */
    void start(String trainPin, long edges, int rate, String analogPin, String racePin, Duration trainAfter,
               Duration raceAfter) {
        Duration period = Duration.ofNanos(2_000_000_000L / rate);
        thread.execute(() -> run(() -> vb.adc(analogPin, millivolts)));
        thread.schedule(() -> run(() -> vb.wave(trainPin, period, edges)), trainAfter.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleAtFixedRate(() -> run(() -> {
            int next = MILLIVOLTS[(indexOf(millivolts) + 1) % MILLIVOLTS.length];
            vb.adc(analogPin, next);
            millivolts = next;
        }), 1, 1, TimeUnit.SECONDS);
        // 50 ms wide, so that its two edges come in separate frames (the race takes the first)
        thread.schedule(() -> run(() -> vb.pulse(racePin, Duration.ofMillis(50))), raceAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The voltage put on the analog pin last. */
    int millivolts() {
        return millivolts;
    }

    /** The first thing the virtual board refused or failed at, or null. */
    String failure() {
        return failure;
    }

    private void run(Runnable r) {
        try {
            r.run();
        } catch (VirtualBoardException e) {
            if (failure == null) {
                failure = e.getMessage();
            }
        }
    }

    private static int indexOf(int mv) {
        for (int i = 0; i < MILLIVOLTS.length; i++) {
            if (MILLIVOLTS[i] == mv) {
                return i;
            }
        }
        return 0;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
