package io.wakewire.armcheck;

import io.wakewire.board.Board;
import io.wakewire.board.BoardCounters;
import io.wakewire.board.BoardInfo;
import io.wakewire.board.BoardOptions;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.EdgesLostException;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.board.config.BoardConfigs;
import io.wakewire.link.NativeLibrary;
import io.wakewire.link.Transports;
import io.wakewire.pi.PiGpio;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code make test-arm} (tests/arm/test-arm.sh) runs on each ARM JVM, with build/wakewire.jar
 * on the class path: the runtime's own choices, not the CLI's, so that the checks do not depend on
 * how fast the emulated JVM is (the CLI's 1 s heartbeat does not hold under qemu on a shared
 * machine; a real Pi runs the JVM natively).
 *
 * <pre>
 *   ArmCheck transport                    the automatic choice is the native reactor for this CPU
 *   ArmCheck gpio                         Pi4J starts (PiGpio.open()); input(17) fails cleanly
 *   ArmCheck edges PORT BOARD PIN N       connect with that choice, print "ARMED", then expect exactly
 *                                         N alternating edges on PIN, no loss, clean counters
 * </pre>
 *
 * Checks run in the order given, in one JVM. Each prints "OK ..." lines for what it checked; any
 * failure prints "FAIL ..." at the end and the exit status is 1, else 0.
 */
public final class ArmCheck {

    /** Generous because the JVM runs emulated: qemu-user is some ten times slower than the CPU. */
    private static final Duration SLOW = Duration.ofSeconds(60);

    private ArmCheck() {
    }

    public static void main(String[] args) throws Exception {
        List<String> failures = new ArrayList<>();
        if (args.length == 0) {
            usage();
        }
        // several checks in one JVM: each start costs seconds when emulated
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "transport" -> transport(failures);
                case "gpio" -> gpio(failures);
                case "edges" -> {
                    if (i + 4 >= args.length) {
                        usage();
                    }
                    edges(args[i + 1], args[i + 2], args[i + 3], Integer.parseInt(args[i + 4]), failures);
                    i += 4;
                }
                default -> usage();
            }
        }
        for (String f : failures) {
            System.out.println("FAIL " + f);
        }
        System.out.flush();
        // Pi4J and the reactor may leave threads behind on failure paths; the verdict is the exit code
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static void usage() {
        System.err.println("usage: ArmCheck [transport] [gpio] [edges PORT BOARD PIN N]...");
        System.exit(2);
    }

    private static void transport(List<String> failures) {
        String arch = System.getProperty("os.arch");
        System.out.println("OK jvm " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + " on " + arch + ", async engine " + Async.engine().name());
        Transports.Choice c = Transports.parkerAndLinks();
        if (c.nativeReactor()) {
            System.out.println("OK transport native reactor: parker " + c.parker().getClass().getSimpleName()
                    + ", links " + c.links().getClass().getSimpleName());
        } else {
            failures.add("transport: the portable path was chosen (" + c.links().getClass().getSimpleName()
                    + "): " + NativeLibrary.unavailableReason());
        }
    }

    private static void edges(String port, String boardName, String pin, int n, List<String> failures) {
        Transports.Choice c = Transports.parkerAndLinks();
        if (!c.nativeReactor()) {
            failures.add("edges: the native reactor was not chosen: " + NativeLibrary.unavailableReason());
            return;
        }
        BoardConfig config = BoardConfigs.locate().load(boardName);
        BoardOptions options = BoardOptions.defaults().withLinks(c.links()).withConnectTimeout(SLOW)
                .withRequestTimeout(Duration.ofSeconds(10)).withHeartbeat(SLOW);
        try (Executor ex = Executor.builder().name("armcheck").parker(c.parker()).build()) {
            ex.blockOn(Async.async(() -> {
                try (Board board = Async.await(Board.connect(config, port, options))) {
                    BoardInfo h = board.info();
                    if (h.signature() != config.signature()) {
                        failures.add(String.format("edges: HELLO signature %06x is not %s's %06x", h.signature(),
                                config.name(), config.signature()));
                    }
                    System.out.printf("OK connected to %s on %s through %s: firmware %d.%d, wire protocol %d%n",
                            config.name(), port, c.links().getClass().getSimpleName(), h.firmwareMajor(), h.firmwareMinor(),
                            h.protocolVersion());
                    follow(board, pin, n, failures);
                    BoardCounters s = Async.await(board.boardCounters());
                    long drops = s.totalDrops();
                    var hs = board.stats();
                    String counters = String.format("board crc %d bad %d overruns %d drops %d; host bad %d crc %d"
                                    + " gaps %d timeouts %d", s.crcErrors(), s.badFrames(), s.rxOverruns(), drops,
                            hs.badFrames(), hs.crcErrors(), hs.seqGapFrames(), hs.timeouts());
                    if (s.crcErrors() + s.badFrames() + s.rxOverruns() + drops + hs.badFrames() + hs.crcErrors()
                            + hs.seqGapFrames() + hs.timeouts() != 0) {
                        failures.add("edges: counters not clean: " + counters);
                    } else {
                        System.out.println("OK counters clean: " + counters);
                    }
                }
                return null;
            }));
        }
    }

    /** Exactly n edges, each the opposite level of the one before, none lost, none after. */
    private static void follow(Board board, String pin, int n, List<String> failures) {
        try (EdgeStream stream = board.pin(pin).edges(EdgeFilter.BOTH)) {
            // The stream sends its ARM when first polled; the firmware answers requests in order, so
            // once a PING sent after it is answered, the pin is armed and the wave may start.
            try {
                Edge early = Async.await(Futures.timeout(stream.next(), Duration.ofMillis(10)));
                failures.add("edges: an edge before the wave: " + early);
                return;
            } catch (TimedOutException expected) {
                // subscribed and quiet
            }
            Async.await(board.ping());
            System.out.println("ARMED " + pin);
            System.out.flush();
            int seen = 0;
            int lost = 0;
            int repeats = 0;
            io.wakewire.pin.Level last = null;
            while (seen + lost < n) {
                try {
                    Edge e = Async.await(Futures.timeout(stream.next(), SLOW));
                    if (e.level() == last) {
                        repeats++;
                    }
                    last = e.level();
                    seen++;
                } catch (EdgesLostException e) {
                    lost += (int) e.count();
                    last = null;
                } catch (TimedOutException e) {
                    failures.add("edges: " + seen + " of " + n + " edges on " + pin + " arrived, then none for "
                            + SLOW.toSeconds() + " s");
                    return;
                }
            }
            int extra = 0;
            try {
                while (true) {
                    Async.await(Futures.timeout(stream.next(), Duration.ofMillis(500)));
                    extra++;
                }
            } catch (TimedOutException quiet) {
                // no more: as it should be
            } catch (EdgesLostException more) {
                lost += (int) more.count();
            }
            String line = String.format("%d edges on %s, %d lost, %d repeated levels, %d extra", seen, pin, lost,
                    repeats, extra);
            if (seen != n || lost != 0 || repeats != 0 || extra != 0) {
                failures.add("edges: expected " + n + " edges, 0 lost: " + line);
            } else {
                System.out.println("OK " + line);
            }
        }
    }

    private static void gpio(List<String> failures) {
        PiGpio gpio;
        try {
            gpio = PiGpio.open();
        } catch (RuntimeException e) {
            failures.add("gpio: PiGpio.open() failed: " + e);
            return;
        }
        try (gpio) {
            System.out.println("OK gpio PiGpio.open(): Pi4J providers "
                    + gpio.pi4j().providers().all().keySet());
            try {
                gpio.input(17).close();
                failures.add("gpio: input(17) opened a pin on a machine with no GPIO chip");
            } catch (IllegalStateException e) {
                // Pi4J's gpiod provider says "No gpio chip yet initialized!" where /dev/gpiochip0 is missing
                if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("no gpio chip")) {
                    System.out.println("OK gpio input(17) refused: " + e.getMessage());
                } else {
                    failures.add("gpio: input(17) failed for another reason than no gpio chip: " + e);
                }
            }
        }
    }
}
