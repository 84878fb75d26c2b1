package io.wakewire.gateway;

import java.util.List;
import java.util.Map;

/**
 * Home Assistant's MQTT discovery (off unless asked for): one retained config message per entity,
 * on {@code HA/<component>/wakewire_<board>_<pin>/config}. Inputs are {@code binary_sensor}s fed by
 * the edge topic, analog pins {@code sensor}s fed by the analog topic, outputs {@code switch}es
 * whose command carries a fresh id from Home Assistant's clock (the gateway acts once per id).
 * Every entity is available while the board's status topic says "online"; all of a board's
 * entities belong to one device.
 */
final class Discovery {

    private Discovery() {
    }

    /** Topic -> retained payload, for one board. */
    static Map<String, String> messages(String haPrefix, Topics t, String board, List<String> inputs, List<String> analog,
                                        List<String> outputs) {
        Json.Obj device = new Json.Obj().put("identifiers", List.of("wakewire_" + board)).put("name", "wakewire " + board)
                .put("manufacturer", "wakewire");
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pin : inputs) {
            out.put(configTopic(haPrefix, "binary_sensor", board, pin), common(t, board, pin, device)
                    .put("state_topic", t.edge(pin))
                    .put("value_template", "{{ 'ON' if value_json.level == 1 else 'OFF' }}").toString());
        }
        for (String pin : analog) {
            out.put(configTopic(haPrefix, "sensor", board, pin), common(t, board, pin, device)
                    .put("state_topic", t.analog(pin))
                    .put("value_template", "{{ value_json.raw }}")
                    .put("state_class", "measurement").toString());
        }
        for (String pin : outputs) {
            out.put(configTopic(haPrefix, "switch", board, pin), common(t, board, pin, device)
                    .put("command_topic", t.pinCommand(pin))
                    .put("payload_on", "1").put("payload_off", "0")
                    .put("command_template", "{\"id\":\"ha-{{ now().timestamp() }}\",\"level\":{{ value }}}")
                    .put("optimistic", true).toString());
        }
        return out;
    }


    private static Json.Obj common(Topics t, String board, String pin, Json.Obj device) {
        return new Json.Obj().put("name", board + " " + pin).put("unique_id", uniqueId(board, pin))
                .put("availability_topic", t.status()).put("payload_available", "online").put("payload_not_available", "offline")
                .put("qos", 1L).put("device", device);
    }

    private static String uniqueId(String board, String pin) {
        return "wakewire_" + board.replace('.', '_') + "_" + pin;
    }

    private static String configTopic(String haPrefix, String component, String board, String pin) {
        return haPrefix + "/" + component + "/" + uniqueId(board, pin) + "/config";
    }
}
