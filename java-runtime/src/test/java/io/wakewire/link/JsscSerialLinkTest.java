package io.wakewire.link;

import jssc.SerialPort;
import jssc.SerialPortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.InOrder;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The jssc link's error paths, against mocks of jssc's SerialPort: no hardware, no native code. */
@Timeout(20)
class JsscSerialLinkTest {

    private static final String PORT = "/dev/ttyACM0";

    private static JsscSerialLinkFactory factoryFor(SerialPort port) {
        return new JsscSerialLinkFactory(name -> port, 1024);
    }

    private static PortOpenException openFailing(String jsscType) throws SerialPortException {
        SerialPort port = mock(SerialPort.class);
        when(port.openPort()).thenThrow(new SerialPortException(PORT, "openPort()", jsscType));
        return assertThrows(PortOpenException.class, () -> factoryFor(port).open(PortSettings.of(PORT, 115200)));
    }

    @Test
    void aBusyPortSaysSoAndNamesThePort() throws Exception {
        PortOpenException e = openFailing(SerialPortException.TYPE_PORT_BUSY);
        assertEquals(PortOpenException.Problem.BUSY, e.problem());
        assertTrue(e.getMessage().startsWith("port /dev/ttyACM0 is busy (opened by another program"), e.getMessage());
    }

    @Test
    void permissionDeniedTellsTheFix() throws Exception {
        PortOpenException e = openFailing(SerialPortException.TYPE_PERMISSION_DENIED);
        assertEquals(PortOpenException.Problem.PERMISSION_DENIED, e.problem());
        assertTrue(e.getMessage().startsWith("permission denied on /dev/ttyACM0: add yourself to the dialout group"),
                e.getMessage());
    }

    @Test
    void aMissingPortPointsToThePortList() throws Exception {
        PortOpenException e = openFailing(SerialPortException.TYPE_PORT_NOT_FOUND);
        assertEquals(PortOpenException.Problem.NOT_FOUND, e.problem());
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains("wakewire ports"), e.getMessage());
    }

    @Test
    void aFileThatIsNoTtyIsCalledThat() throws Exception {
        PortOpenException e = openFailing(SerialPortException.TYPE_INCORRECT_SERIAL_PORT);
        assertEquals(PortOpenException.Problem.NOT_A_SERIAL_PORT, e.problem());
        assertEquals("/dev/ttyACM0 is not a serial port (the OS refused terminal settings on it)", e.getMessage());
    }

    @Test
    void aNativeLibraryThatDoesNotLoadIsAnOpenErrorNotACrash() {
        JsscSerialLinkFactory f = new JsscSerialLinkFactory(name -> {
            throw new UnsatisfiedLinkError("no jssc in java.library.path");
        }, 1024);
        PortOpenException e = assertThrows(PortOpenException.class, () -> f.open(PortSettings.of(PORT, 9600)));
        assertEquals(PortOpenException.Problem.NATIVE_LIBRARY_MISSING, e.problem());
        assertTrue(e.getMessage().contains("jssc's native library does not load"), e.getMessage());
    }

    @Test
    void setParamsReturningFalseIsNotFatal() throws Exception {
        ScriptedJsscPort port = new ScriptedJsscPort(PORT);
        when(port.mock.setParams(anyInt(), anyInt(), anyInt(), anyInt(), anyBoolean(), anyBoolean())).thenReturn(false);
        try (JsscSerialLink link = factoryFor(port.mock).open(PortSettings.of(PORT, 250000))) {
            assertEquals(LinkState.OPEN, link.state());
            verify(port.mock).setParams(250000, 8, 1, 0, true, true);
        }
    }

    @Test
    void aConfigurationErrorClosesThePortAndSaysWhat() throws Exception {
        ScriptedJsscPort port = new ScriptedJsscPort(PORT);
        when(port.mock.setParams(anyInt(), anyInt(), anyInt(), anyInt(), anyBoolean(), anyBoolean()))
                .thenThrow(new SerialPortException(PORT, "setParams()", "Native exception occurred: Input/output error"));
        PortOpenException e = assertThrows(PortOpenException.class,
                () -> factoryFor(port.mock).open(PortSettings.of(PORT, 115200)));
        assertEquals(PortOpenException.Problem.CONFIGURATION_FAILED, e.problem());
        assertEquals("could not configure /dev/ttyACM0 for 115200 baud: Native exception occurred: Input/output error",
                e.getMessage());
        assertEquals(1, port.closes.get(), "the half-opened port is closed");
    }

    @Test
    void resetOnOpenPulsesDtrInactiveThenActive() throws Exception {
        ScriptedJsscPort port = new ScriptedJsscPort(PORT);
        try (JsscSerialLink link = factoryFor(port.mock).open(PortSettings.of(PORT, 115200).withResetOnOpen(true))) {
            InOrder order = inOrder(port.mock);
            order.verify(port.mock).setParams(115200, 8, 1, 0, true, true);
            order.verify(port.mock).setDTR(false);
            order.verify(port.mock).setDTR(true);
            assertEquals(LinkState.OPEN, link.state());
        }
    }

    @Test
    void bytesArrivingWakeTheReaderAndAreDrainedWithoutBlocking() throws Exception {
        ScriptedJsscPort port = new ScriptedJsscPort(PORT);
        CountingWaker waker = new CountingWaker();
        try (JsscSerialLink link = factoryFor(port.mock).open(PortSettings.of(PORT, 115200))) {
            link.setReadWaker(waker);
            port.arrive((byte) 1, (byte) 2, (byte) 3, (byte) 0);
            assertTrue(waker.awaitWake(10), "the reader thread woke the waker");
            ByteBuffer dst = ByteBuffer.allocate(16);
            assertEquals(4, link.read(dst), "one byte from the blocking read, three from the drain");
            assertArrayEquals(new byte[] {1, 2, 3, 0}, Arrays.copyOf(dst.array(), 4));
            assertEquals(0, link.read(dst.clear()));
        }
    }

    @Test
    void aReadErrorMidFrameKeepsTheBytesThenReportsADisconnect() throws Exception {
        ScriptedJsscPort port = new ScriptedJsscPort(PORT);
        CountingWaker waker = new CountingWaker();
        JsscSerialLink link = factoryFor(port.mock).open(PortSettings.of(PORT, 115200));
        link.setReadWaker(waker);
        port.arrive((byte) 7, (byte) 7); // half a frame
        port.failRead("Native exception occurred: Input/output error");
        while (link.state() == LinkState.OPEN) {
            assertTrue(waker.awaitWake(10), "woken for the bytes and for the end");
        }
        assertEquals(LinkState.DISCONNECTED, link.state());
        ByteBuffer dst = ByteBuffer.allocate(16);
        assertEquals(2, link.read(dst), "the half frame is still delivered");
        LinkClosedException e = assertThrows(LinkClosedException.class, () -> link.read(dst));
        assertTrue(e.isDisconnect());
        assertEquals("link /dev/ttyACM0 disconnected: read failed: Native exception occurred: Input/output error",
                e.getMessage());
        assertEquals(1, port.closes.get(), "a disconnect closes the port");
        link.close();
        assertEquals(1, port.closes.get(), "and close() after it does not close it again");
        assertEquals(LinkState.DISCONNECTED, link.state(), "close() after a disconnect keeps the cause");
    }

    @Test
    void aFailingWriteIsADisconnectThatNamesThePort() throws Exception {
        ScriptedJsscPort port = new ScriptedJsscPort(PORT);
        when(port.mock.writeBytes(any()))
                .thenThrow(new SerialPortException(PORT, "writeBytes", "Native exception occurred: Input/output error"));
        try (JsscSerialLink link = factoryFor(port.mock).open(PortSettings.of(PORT, 115200))) {
            LinkClosedException e = assertThrows(LinkClosedException.class, () -> link.write(new byte[] {1, 2}));
            assertTrue(e.isDisconnect());
            assertEquals("link /dev/ttyACM0 disconnected: write failed: Native exception occurred: Input/output error",
                    e.getMessage());
            assertEquals(LinkState.DISCONNECTED, link.state());
            assertThrows(LinkClosedException.class, () -> link.write(new byte[] {3}));
            verify(port.mock, times(1)).writeBytes(any());
        }
    }

    @Test
    void aShortWriteIsADisconnectToo() throws Exception {
        ScriptedJsscPort port = new ScriptedJsscPort(PORT);
        when(port.mock.writeBytes(any())).thenReturn(false);
        try (JsscSerialLink link = factoryFor(port.mock).open(PortSettings.of(PORT, 115200))) {
            LinkClosedException e = assertThrows(LinkClosedException.class, () -> link.write(new byte[5], 1, 3));
            assertTrue(e.getMessage().endsWith("write failed: the OS took only part of the 3 bytes, or none"),
                    e.getMessage());
        }
    }

    @Test
    void writeSendsExactlyTheSlice() throws Exception {
        ScriptedJsscPort port = new ScriptedJsscPort(PORT);
        try (JsscSerialLink link = factoryFor(port.mock).open(PortSettings.of(PORT, 115200))) {
            link.write(new byte[] {9, 1, 2, 3, 9}, 1, 3);
            verify(port.mock).writeBytes(new byte[] {1, 2, 3});
        }
    }

    @Test
    void closeIsIdempotentClosesThePortOnceAndEndsTheReader() throws Exception {
        ScriptedJsscPort port = new ScriptedJsscPort(PORT);
        JsscSerialLink link = factoryFor(port.mock).open(PortSettings.of(PORT, 115200));
        link.close();
        link.close();
        assertEquals(LinkState.CLOSED, link.state());
        assertEquals(1, port.closes.get());
        assertTrue(link.readerFinished(), "the reader saw its read fail after the close and ended");
        LinkClosedException e = assertThrows(LinkClosedException.class, () -> link.read(ByteBuffer.allocate(1)));
        assertEquals(LinkState.CLOSED, e.state());
        verify(port.mock, never()).addEventListener(any());
    }
}
