package io.wakewire.link;

import com.sun.management.OperatingSystemMXBean;
import io.wakewire.task.Clock;
import io.wakewire.task.JdkParker;
import io.wakewire.task.Parker;
import jssc.SerialPort;
import jssc.SerialPortEventListener;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code make bench-reactor}: what the native reactor buys, as {@code METRIC <name> <value> <unit>}
 * lines. Not a test: it asserts nothing; the figures depend on the machine and its load.
 *
 * <ul>
 *   <li>{@code idle_cpu_share_*}: CPU time of the whole JVM over wall time (1.0 = one core) while
 *       one port is open on a socat pty and the line is silent: the native reactor's thread,
 *       wakewire's jssc link (a reader thread in jssc's {@code poll}), and jssc's own event listener.
 *       A 0 means below the process CPU clock's resolution over the interval.</li>
 *   <li>{@code cross_thread_wake_us_p50/_p99_*}: from {@code unpark()} on one thread to the return
 *       of {@code park()} on another that was asleep in it: the eventfd through epoll against
 *       {@link JdkParker}'s {@code LockSupport}.</li>
 *   <li>{@code hangup_detect_ms_native_p50}: from killing the socat that holds a pty's other end to
 *       the native link being DISCONNECTED (socat's own exit included).</li>
 * </ul>
 *
 * Arguments: {@code [idle seconds per case, default 5] [wakes, default 3000]}.
 */
public final class ReactorBench {

    private ReactorBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int wakes = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        if (!NativeLibrary.available()) {
            System.err.println("bench-reactor: the native reactor is unavailable: " + NativeLibrary.unavailableReason());
            System.exit(1);
        }
        System.err.println("bench-reactor: " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version()
                + "; idle " + seconds + " s per case, " + wakes + " wakes per parker");

        metric("idle_cpu_share_native", idleShare(seconds, "native"), "cores");
        metric("idle_cpu_share_jssc", idleShare(seconds, "jssc-link"), "cores");
        metric("idle_cpu_share_jssc_listener", idleShare(seconds, "jssc-listener"), "cores");

        metric("hangup_detect_ms_native_p50", hangUpMillis(5), "ms");

        try (NativeReactor reactor = new NativeReactor()) {
            wakeLatency(reactor, wakes / 5); // warm-up
            double[] us = wakeLatency(reactor, wakes);
            metric("cross_thread_wake_us_p50_eventfd", us[0], "us");
            metric("cross_thread_wake_us_p99_eventfd", us[1], "us");
        }
        JdkParker jdk = new JdkParker();
        wakeLatency(jdk, wakes / 5);
        double[] us = wakeLatency(jdk, wakes);
        metric("cross_thread_wake_us_p50_locksupport", us[0], "us");
        metric("cross_thread_wake_us_p99_locksupport", us[1], "us");
    }

    private static void metric(String name, double value, String unit) {
        System.out.printf("METRIC %s %.6f %s%n", name, value, unit);
    }

    /** Process CPU over wall time with one silent port open through {@code how}. */
    private static double idleShare(int seconds, String how) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (SocatPtyPair pty = SocatPtyPair.start()) {
            AutoCloseable open;
            NativeReactor reactor = null;
            switch (how) {
                case "native" -> {
                    reactor = new NativeReactor().startThread("bench-reactor");
                    open = new NativeSerialLinkFactory(reactor).open(PortSettings.of(pty.first, 115200));
                }
                case "jssc-link" -> open = new JsscSerialLinkFactory().open(PortSettings.of(pty.first, 115200));
                default -> {
                    SerialPort port = new SerialPort(pty.first);
                    port.openPort();
                    port.setParams(115200, 8, 1, 0);
                    port.addEventListener((SerialPortEventListener) event -> { }, SerialPort.MASK_RXCHAR);
                    open = port::closePort;
                }
            }
            try {
                Thread.sleep(500); // let threads start and settle
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                return (double) (os.getProcessCpuTime() - cpu0) / (System.nanoTime() - t0);
            } finally {
                open.close();
                if (reactor != null) {
                    reactor.close();
                }
            }
        }
    }

    /** Median over {@code runs} of: socat killed until the native link is DISCONNECTED (socat's exit included). */
    private static double hangUpMillis(int runs) throws Exception {
        double[] ms = new double[runs];
        try (NativeReactor reactor = new NativeReactor().startThread("bench-reactor-hangup")) {
            NativeSerialLinkFactory factory = new NativeSerialLinkFactory(reactor);
            for (int r = 0; r < runs; r++) {
                SocatPtyPair pty = SocatPtyPair.start();
                try (SerialLink link = factory.open(PortSettings.of(pty.first, 115200))) {
                    java.util.concurrent.Semaphore woken = new java.util.concurrent.Semaphore(0);
                    link.setReadWaker(woken::release);
                    long t0 = System.nanoTime();
                    pty.kill();
                    while (link.state() == LinkState.OPEN) {
                        if (!woken.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS)) {
                            throw new IllegalStateException("no disconnect 10 s after socat died");
                        }
                    }
                    ms[r] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    /** p50 and p99 in µs of unpark-to-return, the parked thread asleep before each unpark. */
    private static double[] wakeLatency(Parker parker, int n) throws InterruptedException {
        long[] lat = new long[n];
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger seen = new AtomicInteger();
        long[] sentAt = new long[1];
        Thread parked = Thread.ofPlatform().name("bench-parked").start(() -> {
            for (int i = 1; i <= n; i++) {
                while (sent.get() < i) {
                    parker.park(Parker.NO_DEADLINE, Clock.SYSTEM);
                }
                long now = System.nanoTime();
                lat[i - 1] = now - sentAt[0]; // sentAt written before sent's volatile increment
                seen.set(i);
            }
        });
        for (int i = 1; i <= n; i++) {
            LockSupport.parkNanos(200_000); // the other thread is back asleep in park by now
            sentAt[0] = System.nanoTime();
            sent.set(i);
            parker.unpark();
            while (seen.get() < i) {
                Thread.onSpinWait();
            }
        }
        parked.join();
        Arrays.sort(lat);
        return new double[] {lat[n / 2] / 1e3, lat[(int) (n * 0.99)] / 1e3};
    }
}
