package io.wakewire.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.function.BiConsumer;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One board's connection to the broker (Eclipse Paho): its own client, so that its last will can
 * say "offline" on that board's status topic, and its own bounded queue of outgoing messages,
 * drained in order by one sender thread.
 *
 * <p>Why a queue of our own rather than Paho's: Paho refuses a publish while it is reconnecting
 * or while its in-flight window is full; the queue holds the events meanwhile (in order, up to
 * {@link GatewayOptions#queueCapacity()}), and what does not fit is dropped, counted, and reported
 * in a {@code lost} message at the place of the gap. The session is not clean, so that QoS 1
 * messages in flight when the connection drops are sent again by Paho on reconnect (a subscriber
 * may then see one twice; the {@code seq} field tells).
 */
final class BrokerLink implements AutoCloseable {

    private static final int MAX_INFLIGHT = 1000;

    private record Msg(String topic, byte[] payload, boolean retained) {
    }

    private final MqttAsyncClient client;
    private final MqttConnectOptions connectOptions;
    private final Topics topics;
    private final int capacity;
    private final ArrayDeque<Msg> queue = new ArrayDeque<>();
    private final Thread sender;
    /** Commands in: (pin topic, payload); called on Paho's thread. */
    private volatile BiConsumer<String, String> commands = (t, p) -> { };

    // guarded by queue
    private boolean aborting;
    private long dropped;
    private long firstDroppedSeq;
    private long lastDroppedSeq;
    private long droppedTotal;
    private long published;
    /** Handed to Paho and not yet acknowledged: kept under Paho's window, whose overflow costs a message id. */
    private int inflight;
    private String status = "offline";

    private BrokerLink(MqttAsyncClient client, MqttConnectOptions o, Topics topics, int capacity) {
        this.client = client;
        this.connectOptions = o;
        this.topics = topics;
        this.capacity = capacity;
        this.sender = new Thread(this::sendLoop, "wakewire-mqtt-" + topics.base());
        this.sender.setDaemon(true);
    }

    /** Connects (blocking up to the connect timeout); one-line {@link GatewayException} when that fails. */
    static BrokerLink connect(GatewayOptions o, Topics topics, String clientId) {
        javax.net.ssl.SSLSocketFactory tls = o.caFile() == null ? null : Tls.trusting(o.caFile());
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(o.broker(), clientId, new MemoryPersistence());
        } catch (IllegalArgumentException | MqttException e) {
            throw new GatewayException("broker URL '" + o.broker() + "' is not usable (" + e.getMessage()
                    + "); give tcp://HOST:PORT or ssl://HOST:PORT");
        }
        MqttConnectOptions mo = new MqttConnectOptions();
        mo.setCleanSession(false);
        mo.setAutomaticReconnect(true);
        mo.setMaxReconnectDelay(2000);
        mo.setKeepAliveInterval((int) Math.max(1, o.keepAlive().toSeconds()));
        mo.setConnectionTimeout((int) Math.max(1, o.connectTimeout().toSeconds()));
        mo.setMaxInflight(MAX_INFLIGHT);
        mo.setWill(topics.status(), "offline".getBytes(StandardCharsets.UTF_8), 1, true);
        if (o.username() != null) {
            mo.setUserName(o.username());
        }
        if (o.password() != null) {
            mo.setPassword(o.password());
        }
        if (tls != null) {
            mo.setSocketFactory(tls);
        }
        BrokerLink link = new BrokerLink(c, mo, topics, o.queueCapacity());
        c.setCallback(link.new Callback());
        try {
            c.connect(mo).waitForCompletion(o.connectTimeout().toMillis() + 1000);
        } catch (MqttException e) {
            closeQuietly(c);
            throw new GatewayException("cannot connect to the broker at " + o.broker() + ": " + describe(e), e);
        }
        link.sender.start();
        return link;
    }

    /** Paho's message and its cause's, on one line ("Unable to connect to server (Connection refused)"). */
    static String describe(MqttException e) {
        String m = e.getMessage();
        if (e.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                || e.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED) {
            m = "credentials refused (" + m + ")";
        }
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null ? m : m + " (" + cause.getMessage() + ")";
    }

    /** Subscribes to the board's command topics once someone can take the commands. */
    void onCommand(BiConsumer<String, String> c) {
        commands = c;
        try {
            client.subscribe(topics.commandFilter(), 1).waitForCompletion(10_000);
        } catch (MqttException e) {
            throw new GatewayException("cannot subscribe to " + topics.commandFilter() + ": " + describe(e), e);
        }
    }

    Topics topics() {
        return topics;
    }

    /**
     * Queues an event (QoS 1). {@code seq} is the event's sequence number, reported in the
     * {@code lost} message when the queue is full and the event is dropped.
     */
    void event(String topic, String json, long seq) {
        synchronized (queue) {
            if (queue.size() >= capacity) {
                if (dropped == 0) {
                    firstDroppedSeq = seq;
                }
                dropped++;
                droppedTotal++;
                lastDroppedSeq = seq;
                return;
            }
            noteDropsLocked();
            queue.add(new Msg(topic, bytes(json), false));
            queue.notifyAll();
        }
    }

    /**
     * Once there is room again after drops, the {@code lost} message takes the place of the
     * dropped events in the queue: after the events before them, before the events after them.
     */
    private void noteDropsLocked() {
        if (dropped > 0 && queue.size() < capacity) {
            queue.add(new Msg(topics.queueLost(), bytes(new Json.Obj().put("cause", "gateway_queue").put("count", dropped)
                    .put("from_seq", firstDroppedSeq).put("to_seq", lastDroppedSeq).toString()), false));
            dropped = 0;
        }
    }

    /** Messages waiting for the broker. */
    int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Queues a retained message (Home Assistant's discovery); never dropped. */
    void retained(String topic, String payload) {
        synchronized (queue) {
            queue.add(new Msg(topic, bytes(payload), true));
            queue.notifyAll();
        }
    }

    /** Queues a reply (never dropped: a command waits for it; there are few). */
    void reply(String json) {
        synchronized (queue) {
            queue.add(new Msg(topics.reply(), bytes(json), false));
            queue.notifyAll();
        }
    }

    /** Sets the retained status ("online" / "offline"); republished after every reconnect. */
    void status(String s) {
        synchronized (queue) {
            if (s.equals(status)) {
                return;
            }
            status = s;
            queue.add(new Msg(topics.status(), bytes(s), true));
            queue.notifyAll();
        }
    }

    /** Events dropped because the queue was full, since the start. */
    long droppedTotal() {
        synchronized (queue) {
            return droppedTotal;
        }
    }

    /** Messages handed to Paho, since the start. */
    long published() {
        synchronized (queue) {
            return published;
        }
    }

    boolean isConnected() {
        return client.isConnected();
    }

    private void sendLoop() {
        for (;;) {
            Msg m;
            synchronized (queue) {
                // Paho knows best whether it is connected; the callbacks only wake this loop early
                while (!aborting && (queue.isEmpty() || !client.isConnected() || inflight >= MAX_INFLIGHT - 10)) {
                    waitQuietly(queue, queue.isEmpty() ? 0 : 20);
                }
                if (aborting || queue.isEmpty()) {
                    queue.notifyAll();
                    return;
                }
                m = queue.peek();
            }
            try {
                client.publish(m.topic, m.payload, 1, m.retained);
                synchronized (queue) {
                    queue.poll();
                    published++;
                    inflight++;
                    noteDropsLocked();
                    queue.notifyAll();
                }
            } catch (MqttException e) {
                // in-flight window full: wait for an acknowledgement; not connected: for the reconnect
                synchronized (queue) {
                    waitQuietly(queue, 5);
                }
            }
        }
    }

    /**
     * Publishes what is queued (up to {@code waitMillis}), the retained "offline", and disconnects
     * cleanly (the broker then keeps the last will to itself).
     */
    @Override
    public void close() {
        drain(3000);
        try {
            if (client.isConnected()) {
                client.publish(topics.status(), bytes("offline"), 1, true).waitForCompletion(2000);
                client.disconnect().waitForCompletion(2000);
            }
        } catch (MqttException e) {
            // the broker went away meanwhile: its last will says offline anyway
        }
        stopSender();
        closeQuietly(client);
    }

    /** Drops the connection without a word to the broker, as a crash would: the broker publishes the last will. */
    void abort() {
        stopSender();
        try {
            client.disconnectForcibly(0, 100, false);
        } catch (MqttException e) {
            // already gone
        }
        closeQuietly(client);
    }

    /** Waits until the queue is empty and Paho has every message acknowledged, up to {@code millis}. */
    boolean drain(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        synchronized (queue) {
            while (!queue.isEmpty() && client.isConnected() && System.nanoTime() < end) {
                waitQuietly(queue, 10);
            }
        }
        while (client.getPendingDeliveryTokens().length > 0 && System.nanoTime() < end) {
            sleepQuietly(5);
        }
        synchronized (queue) {
            return queue.isEmpty();
        }
    }

    /** Ends the sender thread now; what is still queued (the broker stayed away) is not sent. */
    private void stopSender() {
        synchronized (queue) {
            aborting = true;
            queue.notifyAll();
        }
        try {
            sender.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (!reconnect) {
                return;
            }
            // a restarted broker may have forgotten the subscription and the retained status
            try {
                client.subscribe(topics.commandFilter(), 1);
                String s;
                synchronized (queue) {
                    s = status;
                }
                client.publish(topics.status(), bytes(s), 1, true);
                synchronized (queue) {
                    inflight++;
                }
            } catch (MqttException e) {
                // lost again already; the next reconnect does this again
            }
            synchronized (queue) {
                queue.notifyAll();
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            // Paho reconnects by itself; the sender waits for it
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            commands.accept(topic, new String(message.getPayload(), StandardCharsets.UTF_8));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            synchronized (queue) {
                inflight--;
                queue.notifyAll();
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void waitQuietly(Object lock, long millis) {
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(MqttAsyncClient c) {
        try {
            c.close(true);
        } catch (MqttException e) {
            // nothing left to release
        }
    }
}
