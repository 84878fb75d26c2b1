/**
 * The MQTT gateway: boards' edges, losses and analog samples published to a broker per board and
 * pin, output commands taken from it and answered, a retained status per board kept by the
 * broker's last will. {@link io.wakewire.gateway.Gateway} is the entry point; the topic layout and
 * payloads are in java-runtime/README-gateway.md. Depends on the task and board packages (the
 * board API only in {@code BoardBridge}) and on Eclipse Paho.
 */
package io.wakewire.gateway;
