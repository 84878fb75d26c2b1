package io.wakewire.link;

import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.UncheckedIOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Links driving a real executor: a parked executor is woken by bytes arriving on another thread. */
@Timeout(60)
class LinkOnExecutorTest {

    @Test
    void theJsscReaderThreadWakesAParkedExecutor() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start();
             JsscSerialLink host = new JsscSerialLinkFactory().open(PortSettings.of(pty.first, 115200));
             JsscSerialLink board = new JsscSerialLinkFactory().open(PortSettings.of(pty.second, 115200));
             Executor executor = Executor.create()) {
            byte[] frame = {0x02, 0x48, 0x49, 0x00};
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    Thread.sleep(100); // the executor is parked by now
                    board.write(frame);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] got = executor.blockOn(Futures.timeout(new ReceiveFuture(host, frame.length), Duration.ofSeconds(20)));
            assertArrayEquals(frame, got);
        }
    }

    @Test
    void aDisconnectWhileAwaitingEndsTheAwaitWithTheTypedException() {
        InMemoryLinkPair pair = InMemoryLinkPair.create();
        try (Executor executor = Executor.create()) {
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                pair.disconnect("cable pulled");
            });
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> executor.blockOn(Futures.timeout(new ReceiveFuture(pair.a(), 1), Duration.ofSeconds(20))));
            LinkClosedException closed = (LinkClosedException) e.getCause();
            assertTrue(closed.isDisconnect());
            assertEquals("link host disconnected: cable pulled", closed.getMessage());
        }
    }
}
