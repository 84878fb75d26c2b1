package io.wakewire.mqtt;

import io.wakewire.gateway.Gateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static io.wakewire.mqtt.GatewayRig.num;
import static io.wakewire.mqtt.GatewayRig.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway end to end: a real Mosquitto, virtual boards running the real firmware, the
 * gateway in this JVM, and mosquitto_sub / mosquitto_pub as the third-party clients.
 */
@Timeout(120)
class GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void edgesOfTwoBoardsArriveInOrderWithBoardTimeAndNothingLost() {
        try (GatewayRig rig = new GatewayRig(2); MqttTap tap = MqttTap.subscribe(rig.broker, "wakewire/#")) {
            Gateway gw = rig.start(List.of("D2", "D3"));
            try {
                tap.require(m -> m.topic().equals("wakewire/sim0/status") && m.payload().equals("online"), 1, WAIT, "sim0 online");
                tap.require(m -> m.topic().equals("wakewire/sim1/status") && m.payload().equals("online"), 1, WAIT, "sim1 online");
                rig.vboards.get(0).wave("D2", Duration.ofMillis(2), 40);
                rig.vboards.get(1).wave("D3", Duration.ofMillis(2), 30);
                tap.require(m -> m.topic().equals("wakewire/sim0/D2/edge"), 40, WAIT, "sim0 D2 edges");
                tap.require(m -> m.topic().equals("wakewire/sim1/D3/edge"), 30, WAIT, "sim1 D3 edges");
                checkEdges(tap.on("wakewire/sim0/D2/edge"), "D2", 40);
                checkEdges(tap.on("wakewire/sim1/D3/edge"), "D3", 30);
                // zero loss, asserted as zero: no lost message of any kind, no edge on a pin not driven
                assertEquals(List.of(), tap.all().stream().filter(m -> m.topic().endsWith("/lost")).toList());
                assertEquals(0, tap.on("wakewire/sim0/D3/edge").size() + tap.on("wakewire/sim1/D2/edge").size());
                assertEquals(0, gw.droppedEvents());
            } finally {
                gw.close();
            }
            tap.require(m -> m.topic().equals("wakewire/sim0/status") && m.payload().equals("offline"), 1, WAIT, "offline on close");
        }
    }

    /** Exactly {@code n} edges of {@code pin}, seq 1..n, levels alternating, board time strictly rising. */
    private static void checkEdges(List<MqttTap.Msg> edges, String pin, int n) {
        assertEquals(n, edges.size(), "edges of " + pin + ": " + edges);
        long lastTicks = -1;
        long lastLevel = -1;
        for (int i = 0; i < n; i++) {
            String p = edges.get(i).payload();
            assertEquals(i + 1, num(p, "seq"), p);
            assertEquals(pin, str(p, "pin"), p);
            long level = num(p, "level");
            assertTrue(level == 0 || level == 1, p);
            if (lastLevel >= 0) {
                assertEquals(1 - lastLevel, level, "levels alternate: " + p);
            }
            lastLevel = level;
            long ticks = num(p, "board_ticks");
            assertTrue(ticks > lastTicks, "board time rises: " + p);
            lastTicks = ticks;
            assertTrue(num(p, "board_ns") > 0 && num(p, "host_time_us") > 1_600_000_000_000_000L, p);
        }
    }

    @Test
    void commandsDriveAnOutputAreAnsweredAndARedeliveryActsOnce() {
        try (GatewayRig rig = new GatewayRig(1); MqttTap tap = MqttTap.subscribe(rig.broker, "wakewire/#")) {
            rig.vboards.get(0).link("D13", "D2"); // a jumper from the output to an input the gateway follows
            Gateway gw = rig.start(List.of("D2"));
            try {
                tap.require(m -> m.topic().equals("wakewire/sim0/status") && m.payload().equals("online"), 1, WAIT, "online");
                command(rig, tap, "D13", "{\"id\":\"c1\",\"level\":1}", "c1", 1);
                tap.require(m -> m.topic().equals("wakewire/sim0/D2/edge"), 1, WAIT, "D2 rising");
                command(rig, tap, "D13", "{\"id\":\"c2\",\"level\":\"low\"}", "c2", 1);
                tap.require(m -> m.topic().equals("wakewire/sim0/D2/edge"), 2, WAIT, "D2 falling");
                // c1 again, as a broker redelivers a QoS 1 message: answered, marked, not actuated
                MqttTap.Msg dup = command(rig, tap, "D13", "{\"id\":\"c1\",\"level\":1}", "c1", 2);
                assertEquals("{\"id\":\"c1\",\"pin\":\"D13\",\"ok\":true,\"duplicate\":true}", dup.payload());
                // c3 sets the output low (if c1 had acted again, D2 would have risen and now fall)
                command(rig, tap, "D13", "{\"id\":\"c3\",\"level\":0}", "c3", 1);
                command(rig, tap, "D13", "{\"id\":\"c4\",\"level\":true}", "c4", 1);
                tap.require(m -> m.topic().equals("wakewire/sim0/D2/edge"), 3, WAIT, "D2 rising after c4");
                List<Long> levels = tap.on("wakewire/sim0/D2/edge").stream().map(m -> num(m.payload(), "level")).toList();
                assertEquals(List.of(1L, 0L, 1L), levels, "c1, c2, c4 acted; the duplicate c1 and c3 (already low) changed nothing");
                // PWM on a PWM pin is taken; the replies are exact
                MqttTap.Msg pwm = command(rig, tap, "D9", "{\"id\":\"p1\",\"pwm\":0.25}", "p1", 1);
                assertEquals("{\"id\":\"p1\",\"pin\":\"D9\",\"ok\":true}", pwm.payload());
                assertEquals(5, gw.commandsActuated());
                assertEquals(1, gw.duplicateCommands());
            } finally {
                gw.close();
            }
        }
    }

    @Test
    void badCommandsGetAnErrorReplyNamingWhatWasWrong() {
        try (GatewayRig rig = new GatewayRig(1); MqttTap tap = MqttTap.subscribe(rig.broker, "wakewire/+/reply")) {
            Gateway gw = rig.start(List.of("D2"));
            try {
                String unknown = command(rig, tap, "D99", "{\"id\":\"u1\",\"level\":1}", "u1", 1).payload();
                assertTrue(unknown.contains("\"ok\":false") && str(unknown, "error").contains("D99"), unknown);
                String noPwm = command(rig, tap, "D13", "{\"id\":\"u2\",\"pwm\":0.5}", "u2", 1).payload();
                assertTrue(noPwm.contains("\"ok\":false") && str(noPwm, "error").contains("PWM"), noPwm);
                String badLevel = command(rig, tap, "D13", "{\"id\":\"u3\",\"level\":7}", "u3", 1).payload();
                assertTrue(badLevel.contains("must be 0, 1, true, false") && badLevel.endsWith("not 7\"}"), badLevel);
                MqttTap.publish(rig.broker, "wakewire/sim0/D13/set", "{\"id\":\"u4\",\"level\":", false);
                String malformed = tap.require(m -> m.payload().contains("malformed JSON"), 1, WAIT, "malformed reply").payload();
                assertEquals("{\"id\":null,\"pin\":\"D13\",\"ok\":false,\"error\":\"malformed JSON at character 20: value of"
                        + " \\\"level\\\" missing\"}", malformed);
                MqttTap.publish(rig.broker, "wakewire/sim0/D13/set", "{\"level\":1}", false);
                String noId = tap.require(m -> m.payload().contains("\\\"id\\\" is missing"), 1, WAIT, "no-id reply").payload();
                assertTrue(noId.contains("\"ok\":false"), noId);
                assertEquals(0, gw.commandsActuated(), "no bad command reached the board");
                // the gateway still works after all that
                command(rig, tap, "D13", "{\"id\":\"ok1\",\"level\":1}", "ok1", 1);
                assertEquals(1, gw.commandsActuated());
            } finally {
                gw.close();
            }
        }
    }

    @Test
    void theLastWillSaysOfflineWhenTheGatewayDies() {
        try (GatewayRig rig = new GatewayRig(2); MqttTap tap = MqttTap.subscribe(rig.broker, "wakewire/+/status")) {
            Gateway gw = rig.start(List.of("D2"));
            tap.require(m -> m.payload().equals("online"), 2, WAIT, "both online");
            gw.abort(); // the sockets dropped without DISCONNECT, as when the process is killed
            tap.require(m -> m.topic().equals("wakewire/sim0/status") && m.payload().equals("offline"), 1, WAIT, "sim0 will");
            tap.require(m -> m.topic().equals("wakewire/sim1/status") && m.payload().equals("offline"), 1, WAIT, "sim1 will");
            // retained: a subscriber arriving later is told too
            try (MqttTap late = MqttTap.subscribe(rig.broker, "wakewire/+/status")) {
                late.require(m -> m.payload().equals("offline"), 2, WAIT, "retained offline");
                assertEquals(0, late.all().stream().filter(m -> m.payload().equals("online")).count());
            }
        }
    }

    /** Publishes a command with mosquitto_pub and returns its {@code nth} reply with that id. */
    private static MqttTap.Msg command(GatewayRig rig, MqttTap tap, String pin, String json, String id, int nth) {
        MqttTap.publish(rig.broker, "wakewire/sim0/" + pin + "/set", json, false);
        return tap.require(m -> m.topic().equals("wakewire/sim0/reply") && id.equals(str(m.payload(), "id")), nth, WAIT,
                "reply to " + id);
    }
}
