package io.wakewire.mqtt;

import io.wakewire.gateway.Gateway;
import io.wakewire.sim.VirtualBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.wakewire.mqtt.GatewayRig.num;
import static io.wakewire.mqtt.GatewayRig.until;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Outages on either side: the broker stopped and started again (SIGTERM; its sessions persist,
 * as a production broker's do), and a board that goes away.
 */
@Timeout(120)
class GatewayOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aBrokerRestartLosesNothingWithinTheQueueAndKeepsTheOrder() {
        try (GatewayRig rig = new GatewayRig(1); MqttTap tap = MqttTap.subscribe(rig.broker, "wakewire/#")) {
            Gateway gw = rig.start(List.of("D2"));
            try {
                tap.require(m -> m.payload().equals("online"), 1, WAIT, "online");
                rig.broker.stop();
                VirtualBoard vb = rig.vboards.get(0);
                long mark = vb.mark();
                vb.wave("D2", Duration.ofMillis(2), 40);
                vb.awaitLine(mark, "DONE wave D2", WAIT);
                until(() -> gw.queued() == 40, "40 edges queued while the broker is away (" + gw.queued() + ")");
                rig.broker.start();
                tap.require(m -> m.topic().equals("wakewire/sim0/D2/edge") && num(m.payload(), "seq") == 40, 1, WAIT, "edge 40");
                // QoS 1 is at least once: a message may come twice; by seq, every one came, in order
                Map<Long, String> bySeq = new LinkedHashMap<>();
                tap.on("wakewire/sim0/D2/edge").forEach(m -> bySeq.putIfAbsent(num(m.payload(), "seq"), m.payload()));
                assertEquals(java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList(), List.copyOf(bySeq.keySet()));
                assertEquals(List.of(), tap.all().stream().filter(m -> m.topic().endsWith("/lost")).toList());
                assertEquals(0, gw.droppedEvents());
            } finally {
                gw.close();
            }
        }
    }

    @Test
    void aQueueOverflowIsCountedAndPublishedWhereTheEventsWent() {
        try (GatewayRig rig = new GatewayRig(1); MqttTap tap = MqttTap.subscribe(rig.broker, "wakewire/sim0/#")) {
            Gateway gw = rig.start(List.of("D2"), 10);
            try {
                tap.require(m -> m.payload().equals("online"), 1, WAIT, "online");
                rig.broker.stop();
                VirtualBoard vb = rig.vboards.get(0);
                long mark = vb.mark();
                vb.wave("D2", Duration.ofMillis(2), 40);
                vb.awaitLine(mark, "DONE wave D2", WAIT);
                until(() -> gw.droppedEvents() == 30, "30 edges dropped by a queue of 10 (" + gw.droppedEvents() + ")");
                rig.broker.start();
                MqttTap.Msg lost = tap.require(m -> m.topic().equals("wakewire/sim0/lost"), 1, WAIT, "the overflow count");
                assertEquals("{\"cause\":\"gateway_queue\",\"count\":30,\"from_seq\":11,\"to_seq\":40}", lost.payload());
                // edges 1..10, then the count of 11..40, in that order
                List<String> events = tap.all().stream().filter(m -> m.topic().endsWith("/edge") || m.topic().endsWith("/lost"))
                        .map(m -> m.topic().endsWith("/lost") ? "lost" : Long.toString(num(m.payload(), "seq")))
                        .distinct().toList();
                assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "lost"), events);
                // and the gateway goes on after it: edge 41 is published
                vb.wave("D2", Duration.ofMillis(2), 1);
                tap.require(m -> m.topic().endsWith("/edge") && num(m.payload(), "seq") == 41, 1, WAIT, "edge 41");
            } finally {
                gw.close();
            }
        }
    }

    @Test
    void aBoardThatGoesAwayShowsOffline() {
        try (GatewayRig rig = new GatewayRig(2); MqttTap tap = MqttTap.subscribe(rig.broker, "wakewire/+/status")) {
            Gateway gw = rig.start(List.of("D2"));
            try {
                tap.require(m -> m.payload().equals("online"), 2, WAIT, "both online");
                rig.vboards.get(1).kill();
                tap.require(m -> m.topic().equals("wakewire/sim1/status") && m.payload().equals("offline"), 1, WAIT, "sim1 offline");
                // the other board is untouched
                assertEquals(List.of(), tap.on("wakewire/sim0/status").stream().filter(m -> m.payload().equals("offline")).toList());
            } finally {
                gw.close();
            }
        }
    }
}
