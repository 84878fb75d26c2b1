package io.wakewire.gateway;

import io.wakewire.task.Async;
import io.wakewire.task.Executor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Commands in, replies out, for one board. Each command is answered on the board's reply topic
 * under its id, with {@code "ok":true} or {@code "ok":false} and an {@code "error"} naming what
 * was wrong (malformed JSON, unknown pin, not an output, the board's refusal). The ids of the last
 * {@value #REMEMBERED} commands are remembered: a command redelivered by the broker (QoS 1 is at
 * least once) or resent by its sender is answered again, marked {@code "duplicate":true}, and not
 * actuated a second time.
 */
final class CommandDesk {

    static final int REMEMBERED = 4096;
    private static final String PENDING = "";

    private final BrokerLink link;
    private final BoardBridge bridge;
    private final Executor executor;
    /** id -> the reply sent (PENDING while the board works on it); insertion order, oldest forgotten first. */
    private final Map<String, String> seen = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };
    private long actuated;
    private long duplicates;

    CommandDesk(BrokerLink link, BoardBridge bridge, Executor executor) {
        this.link = link;
        this.bridge = bridge;
        this.executor = executor;
    }

    /** A message on a command topic; on Paho's thread, so it only parses and hands over. */
    void accept(String topic, String payload) {
        String pin = link.topics().commandPin(topic);
        String id = null;
        try {
            if (pin == null) {
                throw new OutputCommand.BadCommand("topic " + topic + " is not PREFIX/BOARD/PIN/set");
            }
            Map<String, Object> m = Json.parseFlat(payload);
            id = OutputCommand.idOf(m);
            OutputCommand c = OutputCommand.from(m);
            synchronized (seen) {
                String before = seen.get(c.id());
                if (before != null) {
                    duplicates++;
                    link.reply(before == PENDING
                            ? new Json.Obj().put("id", c.id()).put("pin", pin).put("duplicate", true).put("outcome", "pending").toString()
                            : before.substring(0, before.length() - 1) + ",\"duplicate\":true}");
                    return;
                }
                seen.put(c.id(), PENDING);
            }
            executor.spawn("command " + c.id(), Async.run(() -> {
                String r;
                boolean ok = false;
                try {
                    Async.await(bridge.actuate(pin, c));
                    ok = true;
                    r = new Json.Obj().put("id", c.id()).put("pin", pin).put("ok", true).toString();
                } catch (RuntimeException e) {
                    r = error(c.id(), pin, e.getMessage());
                }
                synchronized (seen) {
                    if (ok) {
                        actuated++;
                    }
                    seen.put(c.id(), r);
                }
                link.reply(r);
            }));
        } catch (Json.BadJson | OutputCommand.BadCommand e) {
            link.reply(error(id, pin, e.getMessage()));
        }
    }

    private static String error(String id, String pin, String message) {
        return new Json.Obj().put("id", id).put("pin", pin).put("ok", false)
                .put("error", message == null ? "failed" : message.strip().replace('\n', ' ')).toString();
    }

    long actuated() {
        synchronized (seen) {
            return actuated;
        }
    }

    long duplicates() {
        synchronized (seen) {
            return duplicates;
        }
    }
}
