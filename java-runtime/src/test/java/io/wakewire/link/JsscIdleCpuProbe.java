package io.wakewire.link;

import com.sun.management.OperatingSystemMXBean;
import jssc.SerialPort;
import jssc.SerialPortEventListener;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Prints how much CPU one idle jssc link costs: one port open (a socat pty standing in for a
 * connected board), no traffic. Not a test (it asserts nothing and takes seconds); the figure is
 * quoted in the package documentation and will move into {@code make bench}.
 *
 * <p>Run from {@code java-runtime/} after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:<jssc, native-lib-loader, slf4j, junit-jupiter-api jars>
 * io.wakewire.link.JsscIdleCpuProbe [seconds] [--jssc-listener]}. With {@code --jssc-listener} it
 * measures jssc's own event listener on the same port instead, for comparison.
 */
public final class JsscIdleCpuProbe {

    private JsscIdleCpuProbe() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 10;
        boolean listener = java.util.Arrays.asList(args).contains("--jssc-listener");
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (SocatPtyPair pty = SocatPtyPair.start()) {
            AutoCloseable open;
            if (listener) {
                SerialPort port = new SerialPort(pty.first);
                port.openPort();
                port.setParams(115200, 8, 1, 0);
                port.addEventListener((SerialPortEventListener) event -> { }, SerialPort.MASK_RXCHAR);
                open = port::closePort;
            } else {
                open = new JsscSerialLinkFactory().open(PortSettings.of(pty.first, 115200));
            }
            try (AutoCloseable ignored = open) {
                Thread.sleep(2000); // JIT and class loading settle
                long cpu0 = os.getProcessCpuTime();
                long[] ids = threads.getAllThreadIds();
                long threadCpu0 = sumCpu(threads, ids);
                long wall0 = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                double wall = System.nanoTime() - wall0;
                double process = (os.getProcessCpuTime() - cpu0) / wall;
                double perThreads = (sumCpu(threads, ids) - threadCpu0) / wall;
                System.out.printf("%s, %s idle for %d s: process %.4f of one core, threads alive before %.4f%n",
                        listener ? "jssc event listener" : "wakewire jssc link (own reader thread)",
                        pty.first, seconds, process, perThreads);
            }
        }
    }

    private static long sumCpu(ThreadMXBean threads, long[] ids) {
        long sum = 0;
        for (long id : ids) {
            long t = threads.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }
}
