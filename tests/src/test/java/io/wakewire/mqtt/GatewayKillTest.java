package io.wakewire.mqtt;

import io.wakewire.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** `wakewire gateway` as its own process, killed with SIGKILL: the broker's last will says offline. */
@Timeout(120)
class GatewayKillTest {

    @Test
    void killingTheGatewayProcessLeavesItsBoardOffline() throws Exception {
        try (GatewayRig rig = new GatewayRig(1); MqttTap tap = MqttTap.subscribe(rig.broker, "wakewire/+/status")) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path err = Files.createTempFile("gateway", ".err");
            Process gw = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "gateway",
                    "--broker", rig.broker.url(), "--port", "bench1=" + rig.vboards.get(0).port(), "--pins", "D2")
                    .redirectError(err.toFile()).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(gw.getInputStream(), StandardCharsets.UTF_8));
                String first = out.readLine();
                assertEquals("bench1 " + rig.vboards.get(0).port(), first, "the gateway's first line; stderr: "
                        + Files.readString(err));
                tap.require(m -> m.topic().equals("wakewire/bench1/status") && m.payload().equals("online"), 1,
                        Duration.ofSeconds(30), "online");
                gw.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no DISCONNECT
                tap.require(m -> m.topic().equals("wakewire/bench1/status") && m.payload().equals("offline"), 1,
                        Duration.ofSeconds(30), "the last will");
                assertEquals(List.of("online", "offline"),
                        tap.on("wakewire/bench1/status").stream().map(MqttTap.Msg::payload).toList());
            } finally {
                gw.destroyForcibly();
                Files.deleteIfExists(err);
            }
        }
    }

    /**
     * SIGTERM (Ctrl-C, a service manager) stops it cleanly: the shutdown hook and the command's
     * own loop both close the gateway, which used to throw from Paho on the second close
     * (make bench-gateway showed it); now: "offline" published, exit 0, nothing on stderr but the two lines.
     */
    @Test
    void terminatingTheGatewayProcessStopsItCleanly() throws Exception {
        try (GatewayRig rig = new GatewayRig(1); MqttTap tap = MqttTap.subscribe(rig.broker, "wakewire/+/status")) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path err = Files.createTempFile("gateway", ".err");
            Process gw = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "gateway",
                    "--broker", rig.broker.url(), "--port", "bench1=" + rig.vboards.get(0).port(), "--pins", "D2")
                    .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                tap.require(m -> m.topic().equals("wakewire/bench1/status") && m.payload().equals("online"), 1,
                        Duration.ofSeconds(30), "online");
                gw.destroy(); // SIGTERM
                if (!gw.waitFor(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("the gateway did not end within 30 s of SIGTERM");
                }
                String stderr = Files.readString(err);
                assertEquals(false, stderr.contains("Exception") || stderr.contains("internal error"), stderr);
                tap.require(m -> m.topic().equals("wakewire/bench1/status") && m.payload().equals("offline"), 1,
                        Duration.ofSeconds(30), "offline");
            } finally {
                gw.destroyForcibly();
                Files.deleteIfExists(err);
            }
        }
    }
}
