package io.wakewire.gateway;

import java.util.Map;
import java.util.Set;

/**
 * One command for an output, from its JSON: {@code {"id":"c1","level":1}} (also 0, true, false,
 * "high", "low") or {@code {"id":"c2","pwm":0.25}} (duty 0.0 to 1.0).
 *
 * @param id   the sender's command id, echoed in the reply and remembered so a redelivery acts once
 * @param high the level, when {@code duty} is null
 * @param duty the PWM duty, or null for a level
 */
record OutputCommand(String id, boolean high, Double duty) {

    private static final Set<String> KEYS = Set.of("id", "level", "pwm");

    /** A command payload that cannot be obeyed; the message names what is wrong. */
    static final class BadCommand extends Exception {
        private static final long serialVersionUID = 1L;

        BadCommand(String message) {
            super(message);
        }
    }

    /** The id alone, so that even a command with a bad value is answered under its id. */
    static String idOf(Map<String, Object> m) throws BadCommand {
        Object id = m.get("id");
        if (id instanceof String s && !s.isEmpty()) {
            return s;
        }
        if (id instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        throw new BadCommand(id == null ? "\"id\" is missing (a string: each command needs its own)"
                : "\"id\" must be a non-empty string or an integer");
    }

    static OutputCommand from(Map<String, Object> m) throws BadCommand {
        String id = idOf(m);
        for (String k : m.keySet()) {
            if (!KEYS.contains(k)) {
                throw new BadCommand("unknown key \"" + k + "\" (a command has \"id\" and \"level\" or \"pwm\")");
            }
        }
        boolean hasLevel = m.containsKey("level");
        boolean hasPwm = m.containsKey("pwm");
        if (hasLevel == hasPwm) {
            throw new BadCommand(hasLevel ? "give \"level\" or \"pwm\", not both" : "\"level\" or \"pwm\" is missing");
        }
        if (hasPwm) {
            if (!(m.get("pwm") instanceof Double d) || !(d >= 0.0 && d <= 1.0)) {
                throw new BadCommand("\"pwm\" must be a number from 0.0 to 1.0, not " + show(m.get("pwm")));
            }
            return new OutputCommand(id, false, d);
        }
        Object v = m.get("level");
        Boolean high = switch (v) {
            case Boolean b -> b;
            case Double d when d == 0.0 -> false;
            case Double d when d == 1.0 -> true;
            case String s when s.equalsIgnoreCase("high") -> true;
            case String s when s.equalsIgnoreCase("low") -> false;
            case null, default -> null;
        };
        if (high == null) {
            throw new BadCommand("\"level\" must be 0, 1, true, false, \"high\" or \"low\", not " + show(v));
        }
        return new OutputCommand(id, high, null);
    }

    private static String show(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }
}
