package io.wakewire.gateway;

import java.time.Duration;

/**
 * How the gateway talks to the broker.
 *
 * @param broker         the broker's URL: tcp://HOST:PORT (or ssl://HOST:PORT)
 * @param prefix         the first topic level of every topic (default "wakewire")
 * @param queueCapacity  events held per board while the broker is unreachable; beyond, events are
 *                       dropped, counted, and the count published once there is room
 * @param connectTimeout how long the first connection to the broker may take
 * @param keepAlive      the MQTT keep-alive: the broker publishes the last will (offline) after
 *                       about 1.5 times this without hearing from the gateway
 * @param username       null for none
 * @param password       null for none
 * @param caFile         for ssl:// brokers: a PEM file of the CA certificate(s) to trust instead of
 *                       the JVM's default trust store; null for the default
 * @param analogEvery    how often the boards' analog pins are sampled
 * @param haPrefix       Home Assistant's discovery prefix ("homeassistant"), or null for no
 *                       discovery messages (the default)
 */
public record GatewayOptions(String broker, String prefix, int queueCapacity, Duration connectTimeout, Duration keepAlive,
                             String username, char[] password, java.nio.file.Path caFile,
                             Duration analogEvery, String haPrefix) {

    public GatewayOptions {
        if (broker == null || broker.isBlank()) {
            throw new IllegalArgumentException("no broker URL given (tcp://HOST:PORT)");
        }
        if (!Topics.validLevel(prefix)) {
            throw new IllegalArgumentException("topic prefix '" + prefix + "' must be one topic level (no '/', '+' or '#')");
        }
        if (haPrefix != null && !Topics.validLevel(haPrefix)) {
            throw new IllegalArgumentException("discovery prefix '" + haPrefix + "' must be one topic level");
        }
        if (analogEvery.isNegative() || analogEvery.isZero()) {
            throw new IllegalArgumentException("analog sampling period " + analogEvery + " must be positive");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity " + queueCapacity + " must be at least 1");
        }
    }

    /** Prefix "wakewire", 10,000 queued events per board, 10 s to connect, 10 s keep-alive. */
    public static GatewayOptions of(String broker) {
        return new GatewayOptions(broker, "wakewire", 10_000, Duration.ofSeconds(10), Duration.ofSeconds(10), null, null, null,
                Duration.ofSeconds(1), null);
    }

    public GatewayOptions withPrefix(String p) {
        return new GatewayOptions(broker, p, queueCapacity, connectTimeout, keepAlive, username, password, caFile, analogEvery, haPrefix);
    }

    public GatewayOptions withQueueCapacity(int n) {
        return new GatewayOptions(broker, prefix, n, connectTimeout, keepAlive, username, password, caFile, analogEvery, haPrefix);
    }

    public GatewayOptions withKeepAlive(Duration d) {
        return new GatewayOptions(broker, prefix, queueCapacity, connectTimeout, d, username, password, caFile, analogEvery, haPrefix);
    }

    public GatewayOptions withConnectTimeout(Duration d) {
        return new GatewayOptions(broker, prefix, queueCapacity, d, keepAlive, username, password, caFile, analogEvery, haPrefix);
    }

    public GatewayOptions withCaFile(java.nio.file.Path ca) {
        return new GatewayOptions(broker, prefix, queueCapacity, connectTimeout, keepAlive, username, password, ca, analogEvery, haPrefix);
    }

    public GatewayOptions withAnalogEvery(Duration d) {
        return new GatewayOptions(broker, prefix, queueCapacity, connectTimeout, keepAlive, username, password, caFile, d, haPrefix);
    }

    /** Home Assistant discovery under {@code discoveryPrefix} (usually "homeassistant"); null turns it off. */
    public GatewayOptions withHomeAssistant(String discoveryPrefix) {
        return new GatewayOptions(broker, prefix, queueCapacity, connectTimeout, keepAlive, username, password, caFile, analogEvery,
                discoveryPrefix);
    }

    public GatewayOptions withCredentials(String user, char[] pass) {
        return new GatewayOptions(broker, prefix, queueCapacity, connectTimeout, keepAlive, user, pass, caFile, analogEvery, haPrefix);
    }
}
