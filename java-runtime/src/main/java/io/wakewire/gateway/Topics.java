package io.wakewire.gateway;

/**
 * The topic layout, in one place (README-gateway.md documents it):
 * <pre>
 *   PREFIX/BOARD/status          retained "online" / "offline" (the last will says "offline")
 *   PREFIX/BOARD/PIN/edge        one edge (JSON)
 *   PREFIX/BOARD/PIN/lost        edges of that pin lost on the board or the link (JSON)
 *   PREFIX/BOARD/PIN/analog      one analog sample (JSON)
 *   PREFIX/BOARD/lost            events the gateway's own queue had to drop (JSON)
 *   PREFIX/BOARD/PIN/set         commands in (JSON with an "id")
 *   PREFIX/BOARD/reply           one reply per command (JSON with the same "id")
 * </pre>
 */
final class Topics {

    private final String prefix;
    private final String board;

    Topics(String prefix, String board) {
        this.prefix = prefix;
        this.board = board;
    }

    /** True when {@code s} can be one topic level: not empty, no '/', '+', '#' or NUL. */
    static boolean validLevel(String s) {
        return s != null && !s.isEmpty() && s.chars().noneMatch(c -> c == '/' || c == '+' || c == '#' || c == 0);
    }

    String base() {
        return prefix + "/" + board;
    }

    String status() {
        return base() + "/status";
    }

    String edge(String pin) {
        return base() + "/" + pin + "/edge";
    }

    String analog(String pin) {
        return base() + "/" + pin + "/analog";
    }

    String pinCommand(String pin) {
        return base() + "/" + pin + "/set";
    }

    String pinLost(String pin) {
        return base() + "/" + pin + "/lost";
    }

    String queueLost() {
        return base() + "/lost";
    }

    String commandFilter() {
        return base() + "/+/set";
    }

    String reply() {
        return base() + "/reply";
    }

    /** The pin of a command topic (PREFIX/BOARD/PIN/set), or null when the topic is not one. */
    String commandPin(String topic) {
        String head = base() + "/";
        if (!topic.startsWith(head) || !topic.endsWith("/set")) {
            return null;
        }
        String pin = topic.substring(head.length(), topic.length() - "/set".length());
        return validLevel(pin) ? pin : null;
    }
}
