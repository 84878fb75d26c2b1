package io.wakewire.link;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class DeviceRemovalWatcherTest {

    @TempDir
    Path dir;

    private WatchService service;

    @BeforeEach
    void newService() throws IOException {
        service = FileSystems.getDefault().newWatchService();
    }

    @AfterEach
    void closeService() throws IOException {
        service.close(); // ends the watcher's thread
    }

    @Test
    void deletingTheNodeRunsTheCallbackOnceAndOnlyForThatNode() throws Exception {
        DeviceRemovalWatcher watcher = new DeviceRemovalWatcher(service);
        Path node = Files.createFile(dir.resolve("ttyACM0"));
        Path other = Files.createFile(dir.resolve("ttyACM1"));
        CountDownLatch removed = new CountDownLatch(1);
        AtomicInteger otherCalls = new AtomicInteger();
        watcher.register(node, removed::countDown);
        watcher.register(other, otherCalls::incrementAndGet);

        Files.delete(node);

        assertTrue(removed.await(10, TimeUnit.SECONDS), "no callback for the deleted node");
        assertEquals(0, otherCalls.get());
    }

    @Test
    void aCancelledInterestIsNotCalled() throws Exception {
        DeviceRemovalWatcher watcher = new DeviceRemovalWatcher(service);
        Path cancelled = Files.createFile(dir.resolve("ttyUSB0"));
        Path marker = Files.createFile(dir.resolve("ttyUSB1"));
        AtomicInteger cancelledCalls = new AtomicInteger();
        CountDownLatch markerSeen = new CountDownLatch(1);
        watcher.register(cancelled, cancelledCalls::incrementAndGet).cancel();
        watcher.register(marker, markerSeen::countDown);

        Files.delete(cancelled);
        Files.delete(marker); // after the first one: once its callback ran, the first event was handled

        assertTrue(markerSeen.await(10, TimeUnit.SECONDS));
        assertEquals(0, cancelledCalls.get());
    }

    @Test
    void aNodeAlreadyGoneWhenRegisteredIsReportedAtOnce() throws Exception {
        DeviceRemovalWatcher watcher = new DeviceRemovalWatcher(service);
        AtomicInteger calls = new AtomicInteger();
        watcher.register(dir.resolve("ttyACM9"), calls::incrementAndGet);
        assertEquals(1, calls.get());
    }
}
