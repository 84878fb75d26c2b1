package io.wakewire.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code STATS} line of vboard, as numbers: {@code cycles}, {@code asleep} (share of cycles
 * the MCU slept since start), {@code window_asleep} (since the previous stats), {@code tx_bytes}
 * (board to host), {@code rx_bytes}, {@code edges_driven}, {@code resets}, ...
 */
public record VirtualBoardStats(Map<String, String> fields) {

    static VirtualBoardStats parse(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String word : line.substring("STATS".length()).trim().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                m.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return new VirtualBoardStats(Map.copyOf(m));
    }

    /** A numeric field; fails naming the field when vboard did not print it. */
    public double number(String key) {
        String v = fields.get(key);
        if (v == null) {
            throw new VirtualBoardException("vboard's STATS has no field '" + key + "' (it has " + fields.keySet() + ")");
        }
        return Double.parseDouble(v);
    }
}
