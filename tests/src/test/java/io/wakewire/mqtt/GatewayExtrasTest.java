package io.wakewire.mqtt;

import io.wakewire.gateway.Gateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static io.wakewire.mqtt.GatewayRig.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Analog samples and Home Assistant discovery, end to end. */
@Timeout(120)
class GatewayExtrasTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void analogSamplesFollowTheVoltage() {
        try (GatewayRig rig = new GatewayRig(1); MqttTap tap = MqttTap.subscribe(rig.broker, "wakewire/sim0/A0/analog")) {
            rig.vboards.get(0).adc("A0", 2500);
            Gateway gw = rig.start(o -> o.withAnalogEvery(Duration.ofMillis(50)), List.of("D2"), List.of("A0"), List.of());
            try {
                tap.require(m -> m.topic().endsWith("/analog"), 3, WAIT, "three samples");
                rig.vboards.get(0).adc("A0", 1000);
                tap.require(m -> m.topic().endsWith("/analog") && Math.abs(num(m.payload(), "raw") - 205) <= 3, 1, WAIT, "a sample of 1.0 V");
                List<MqttTap.Msg> samples = tap.all().stream().filter(m -> m.topic().endsWith("/analog")).toList();
                assertTrue(Math.abs(num(samples.get(0).payload(), "raw") - 512) <= 3, "2.5 V: " + samples.get(0));
                long lastSeq = 0;
                long lastTicks = -1;
                for (MqttTap.Msg m : samples) {
                    assertTrue(num(m.payload(), "seq") > lastSeq && num(m.payload(), "board_ticks") > lastTicks, m.toString());
                    lastSeq = num(m.payload(), "seq");
                    lastTicks = num(m.payload(), "board_ticks");
                }
            } finally {
                gw.close();
            }
        }
    }

    @Test
    void homeAssistantDiscoveryIsRetainedAndItsSwitchCommandWorks() {
        try (GatewayRig rig = new GatewayRig(1); MqttTap tap = MqttTap.subscribe(rig.broker, "wakewire/sim0/reply")) {
            rig.vboards.get(0).link("D13", "D2");
            Gateway gw = rig.start(o -> o.withHomeAssistant("homeassistant"), List.of("D2"), List.of("A0"), List.of("D13"));
            try (MqttTap ha = MqttTap.subscribe(rig.broker, "homeassistant/#")) {
                // retained: a Home Assistant that starts after the gateway still finds them
                ha.require(m -> m.topic().endsWith("/config"), 3, WAIT, "three discovery configs");
                String device = "\"device\":{\"identifiers\":[\"wakewire_sim0\"],\"name\":\"wakewire sim0\",\"manufacturer\":\"wakewire\"}";
                String avail = "\"availability_topic\":\"wakewire/sim0/status\",\"payload_available\":\"online\","
                        + "\"payload_not_available\":\"offline\",\"qos\":1,";
                assertEquals(List.of(
                        new MqttTap.Msg("homeassistant/binary_sensor/wakewire_sim0_D2/config", "{\"name\":\"sim0 D2\","
                                + "\"unique_id\":\"wakewire_sim0_D2\"," + avail + device + ",\"state_topic\":\"wakewire/sim0/D2/edge\","
                                + "\"value_template\":\"{{ 'ON' if value_json.level == 1 else 'OFF' }}\"}"),
                        new MqttTap.Msg("homeassistant/sensor/wakewire_sim0_A0/config", "{\"name\":\"sim0 A0\","
                                + "\"unique_id\":\"wakewire_sim0_A0\"," + avail + device + ",\"state_topic\":\"wakewire/sim0/A0/analog\","
                                + "\"value_template\":\"{{ value_json.raw }}\",\"state_class\":\"measurement\"}"),
                        new MqttTap.Msg("homeassistant/switch/wakewire_sim0_D13/config", "{\"name\":\"sim0 D13\","
                                + "\"unique_id\":\"wakewire_sim0_D13\"," + avail + device + ",\"command_topic\":\"wakewire/sim0/D13/set\","
                                + "\"payload_on\":\"1\",\"payload_off\":\"0\",\"command_template\":"
                                + "\"{\\\"id\\\":\\\"ha-{{ now().timestamp() }}\\\",\\\"level\\\":{{ value }}}\",\"optimistic\":true}")),
                        ha.all().stream().filter(m -> m.topic().startsWith("homeassistant/")).toList());
                // what that command_template renders to in Home Assistant, sent as Home Assistant would
                MqttTap.publish(rig.broker, "wakewire/sim0/D13/set", "{\"id\":\"ha-1796664250.123456\",\"level\":1}", false);
                MqttTap.Msg r = tap.require(m -> m.payload().contains("ha-1796664250.123456"), 1, WAIT, "the reply");
                assertEquals("{\"id\":\"ha-1796664250.123456\",\"pin\":\"D13\",\"ok\":true}", r.payload());
            } finally {
                gw.close();
            }
        }
    }
}
