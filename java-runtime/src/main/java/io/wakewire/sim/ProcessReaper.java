package io.wakewire.sim;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills the virtual-board processes still running when the JVM exits, so that a test run that
 * fails or is interrupted leaves no orphans. One shutdown hook for all of them, installed at the
 * first registration.
 */
final class ProcessReaper {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean installed;

    private ProcessReaper() {
    }

    static void register(Process p) {
        if (!installed) {
            synchronized (ProcessReaper.class) {
                if (!installed) {
                    Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::killAll, "wakewire-vboard-reaper"));
                    installed = true;
                }
            }
        }
        LIVE.add(p);
    }

    static void unregister(Process p) {
        LIVE.remove(p);
    }

    private static void killAll() {
        for (Process p : LIVE) {
            p.destroyForcibly();
        }
    }
}
