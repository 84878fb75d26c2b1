package io.wakewire.link;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells a link when its device node disappears: {@code /dev/ttyACM0} when the board is
 * unplugged, {@code /dev/pts/N} when the program holding the pty's other end dies.
 *
 * <p>Why it exists: jssc 2.10.2's blocking {@code readBytes} loops on {@code poll(); read()} and
 * does not look at {@code POLLHUP}; after a hang-up {@code read()} returns 0 forever, so the
 * reader thread spins at 100% of a core inside native code and never returns. The only way
 * out is to close the file descriptor under it (its next {@code read()} fails with EBADF). This
 * watcher notices the hang-up without polling: the JDK's Linux {@code WatchService} is inotify,
 * one JDK thread blocked in {@code poll()} on the inotify descriptor, plus one thread of ours
 * blocked in {@code take()}, shared by every link of the JVM.
 *
 * <p>Trade-offs: Linux only (elsewhere the JDK's watch service polls the directory, which is
 * what we avoid; there {@link #watch} registers nothing). It sees removals of device nodes, which
 * covers unplugging and dead pty masters, but not a hang-up that leaves the node in place (a
 * {@code vhangup()} by another program); a link then ends when its owner closes it. The native
 * reactor sees every hang-up directly and needs none of this.
 */
final class DeviceRemovalWatcher {

    /** An interest in one device node; cancel it when the link ends. */
    interface Registration {
        void cancel();

        Registration NONE = () -> {};
    }

    private static final System.Logger LOG = System.getLogger(DeviceRemovalWatcher.class.getName());
    private static final boolean LINUX =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    private static DeviceRemovalWatcher shared; // guarded by DeviceRemovalWatcher.class
    private static boolean unavailable;         // guarded by DeviceRemovalWatcher.class

    private final WatchService service;
    private final Set<Path> watchedDirs = new HashSet<>();                 // guarded by this
    private final Map<Path, List<Runnable>> callbacksByFile = new HashMap<>(); // guarded by this

    DeviceRemovalWatcher(WatchService service) {
        this.service = service;
        Thread.ofPlatform().daemon().name("wakewire-device-watch").start(this::loop);
    }

    /**
     * Runs {@code onRemoved} once, on the watcher's thread, when the device node behind
     * {@code portName} (symlinks resolved) is deleted. Registers nothing off Linux or when the
     * node cannot be resolved.
     */
    static Registration watch(String portName, Runnable onRemoved) {
        if (!LINUX) {
            return Registration.NONE;
        }
        Path device;
        try {
            device = Path.of(portName).toRealPath();
        } catch (IOException | RuntimeException e) {
            return Registration.NONE; // e.g. a mocked port in a test, or a name that is not a path
        }
        DeviceRemovalWatcher w = shared();
        return w == null ? Registration.NONE : w.register(device, onRemoved);
    }

    private static synchronized DeviceRemovalWatcher shared() {
        if (shared == null && !unavailable) {
            try {
                shared = new DeviceRemovalWatcher(FileSystems.getDefault().newWatchService());
            } catch (IOException | UnsupportedOperationException e) {
                unavailable = true;
                LOG.log(System.Logger.Level.WARNING, "cannot watch /dev for unplugged serial ports ("
                        + e + "); a link whose port hangs up ends only when it is closed");
            }
        }
        return shared;
    }

    Registration register(Path device, Runnable onRemoved) {
        Path dir = device.getParent();
        synchronized (this) {
            if (watchedDirs.add(dir)) {
                try {
                    dir.register(service, StandardWatchEventKinds.ENTRY_DELETE);
                } catch (IOException | ClosedWatchServiceException e) {
                    watchedDirs.remove(dir);
                    LOG.log(System.Logger.Level.WARNING, "cannot watch " + dir + " for removal of " + device
                            + " (" + e + "); the link ends only when it is closed");
                    return Registration.NONE;
                }
            }
            callbacksByFile.computeIfAbsent(device, k -> new ArrayList<>()).add(onRemoved);
        }
        if (!Files.exists(device)) { // removed before the watch was in place
            fire(device);
        }
        return () -> {
            synchronized (this) {
                List<Runnable> list = callbacksByFile.get(device);
                if (list != null && list.remove(onRemoved) && list.isEmpty()) {
                    callbacksByFile.remove(device);
                }
            }
        };
    }

    private void loop() {
        while (true) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir = (Path) key.watchable();
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    fireForMissing(); // events were lost: look at every watched node
                } else if (event.context() instanceof Path name) {
                    fire(dir.resolve(name));
                }
            }
            key.reset();
        }
    }

    private void fireForMissing() {
        List<Path> files;
        synchronized (this) {
            files = new ArrayList<>(callbacksByFile.keySet());
        }
        for (Path f : files) {
            if (!Files.exists(f)) {
                fire(f);
            }
        }
    }

    private void fire(Path device) {
        List<Runnable> callbacks;
        synchronized (this) {
            callbacks = callbacksByFile.remove(device);
        }
        if (callbacks == null) {
            return;
        }
        for (Runnable r : callbacks) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "removal callback for " + device + " failed", e);
            }
        }
    }
}
