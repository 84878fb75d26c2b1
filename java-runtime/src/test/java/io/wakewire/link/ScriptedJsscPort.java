package io.wakewire.link;

import jssc.SerialPort;
import jssc.SerialPortException;

import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A Mockito mock of jssc's {@link SerialPort} that behaves like the real one as far as
 * {@link JsscReadLoop} can tell: {@code readBytes(1)} blocks until the test feeds bytes or an
 * error, {@code getInputBufferBytesCount()} and {@code readBytes(n)} then hand over the rest of
 * what was fed, and {@code closePort()} makes a blocked read fail the way jssc's does once the
 * descriptor is gone (EBADF).
 */
final class ScriptedJsscPort {

    final SerialPort mock = mock(SerialPort.class);
    final AtomicInteger closes = new AtomicInteger();
    private final LinkedBlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private volatile byte[] rest = new byte[0];

    ScriptedJsscPort(String name) throws SerialPortException {
        when(mock.getPortName()).thenReturn(name);
        when(mock.openPort()).thenReturn(true);
        when(mock.setParams(anyInt(), anyInt(), anyInt(), anyInt(), anyBoolean(), anyBoolean())).thenReturn(true);
        when(mock.setDTR(anyBoolean())).thenReturn(true);
        when(mock.writeBytes(any())).thenReturn(true);
        when(mock.getInputBufferBytesCount()).thenAnswer(inv -> rest.length);
        when(mock.readBytes(anyInt())).thenAnswer(inv -> {
            int n = inv.getArgument(0);
            if (rest.length == 0) { // nothing buffered: block like poll() until something arrives
                Object next = arrivals.take();
                if (next instanceof SerialPortException e) {
                    arrivals.put(e); // jssc keeps failing once the descriptor is bad
                    throw e;
                }
                rest = (byte[]) next;
            }
            if (n > rest.length) {
                throw new AssertionError("the reader asked for " + n + " bytes with only " + rest.length
                        + " buffered: real jssc would block here");
            }
            byte[] out = Arrays.copyOf(rest, n);
            rest = Arrays.copyOfRange(rest, n, rest.length);
            return out;
        });
        doAnswer(inv -> {
            closes.incrementAndGet();
            arrivals.put(new SerialPortException(name, "readBytes", "Native exception occurred: Bad file descriptor"));
            return true;
        }).when(mock).closePort();
    }

    /** Bytes arrive on the line (all of them in the kernel buffer at once). */
    void arrive(byte... bytes) {
        arrivals.add(bytes);
    }

    /** The next blocked read fails, as jssc's does on EIO. */
    void failRead(String type) {
        arrivals.add(new SerialPortException(mock.getPortName(), "readBytes", type));
    }
}
