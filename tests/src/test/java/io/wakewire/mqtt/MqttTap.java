package io.wakewire.mqtt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A third-party subscriber: {@code mosquitto_sub -v} with QoS 1 and a persistent session, its
 * lines ("topic payload") collected as they come, QoS 1 redeliveries of events and replies aside. Also {@link #publish}, through mosquitto_pub.
 */
final class MqttTap implements AutoCloseable {

    record Msg(String topic, String payload) {
    }

    private final Process process;
    private final List<Msg> got = new ArrayList<>();
    private final java.util.Set<Msg> seen = new java.util.HashSet<>();
    private long redelivered;
    private final Thread reader;

    private MqttTap(Process p) {
        this.process = p;
        this.reader = new Thread(this::read, "mosquitto_sub");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Subscribes to {@code filter}; returns once the subscription is in place (a probe message came through). */
    static MqttTap subscribe(Mosquitto broker, String filter) {
        String id = "tap-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try {
            Process p = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port), "-q", "1",
                    "-c", "-i", id, "-v", "-t", filter, "-t", "probe/" + id).redirectErrorStream(true).start();
            MqttTap tap = new MqttTap(p);
            for (int i = 0; i < 50; i++) {
                publish(broker, "probe/" + id, "x", false);
                if (tap.await(m -> m.topic.equals("probe/" + id), 1, Duration.ofMillis(200)) != null) {
                    return tap;
                }
            }
            tap.close();
            throw new IllegalStateException("mosquitto_sub did not subscribe: " + tap.all());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run mosquitto_sub (make deps installs mosquitto-clients): " + e.getMessage(), e);
        }
    }

    /** mosquitto_pub -q 1; fails the test if it fails. */
    static void publish(Mosquitto broker, String topic, String payload, boolean retain) {
        List<String> cmd = new ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port),
                "-q", "1", "-t", topic, "-m", payload));
        if (retain) {
            cmd.add("-r");
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("mosquitto_pub failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run mosquitto_pub: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int sp = line.indexOf(' ');
                Msg m = sp < 0 ? new Msg(line, "") : new Msg(line.substring(0, sp), line.substring(sp + 1));
                synchronized (got) {
                    // QoS 1 is at least once: after a reconnect a message may come again. Every event
                    // and reply payload is unique (its seq, its command id), so a second copy of
                    // one is a redelivery; it is counted and set aside
                    boolean unique = m.payload.contains("\"seq\":") || m.payload.contains("\"id\":");
                    if (unique && !seen.add(m)) {
                        redelivered++;
                    } else {
                        got.add(m);
                    }
                    got.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Second copies of events and replies set aside (QoS 1 redeliveries). */
    long redelivered() {
        synchronized (got) {
            return redelivered;
        }
    }

    /** Every message so far, each event and reply once. */
    List<Msg> all() {
        synchronized (got) {
            return List.copyOf(got);
        }
    }

    List<Msg> on(String topic) {
        return all().stream().filter(m -> m.topic.equals(topic)).toList();
    }

    /**
     * Waits until {@code count} messages match, and returns the last of them, or null after
     * {@code timeout} (a generous bound for a loaded machine: the test fails on it, it measures nothing).
     */
    Msg await(Predicate<Msg> match, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (got) {
            for (;;) {
                List<Msg> hits = got.stream().filter(match).toList();
                if (hits.size() >= count) {
                    return hits.get(count - 1);
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                try {
                    got.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }

    /** Like {@link #await} but fails with what arrived so far. */
    Msg require(Predicate<Msg> match, int count, Duration timeout, String what) {
        Msg m = await(match, count, timeout);
        if (m == null) {
            throw new AssertionError("no " + what + " (" + count + " wanted) in " + timeout.toSeconds() + " s; got " + all());
        }
        return m;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
