package io.wakewire.board;

import io.wakewire.link.SerialLinkFactory;
import io.wakewire.link.Transports;

import java.time.Duration;

/**
 * How a {@link Board} connects and watches its link.
 *
 * @param links          opens the port (jssc by default; tests pass an in-memory pair)
 * @param baud           the link baud; 0 = the board config's
 * @param resetOnOpen    pulse DTR after opening so the board restarts and says HELLO for certain
 * @param connectTimeout the whole handshake: the board's reset, the bootloader's delay (about 0.5 s
 *                       for Optiboot, up to 2 s for others) and every HELLO retry
 * @param helloRetry     how long one HELLO waits before it is sent again (a bootloader eats the
 *                       first ones)
 * @param requestTimeout how long a command waits for its answer
 * @param heartbeat      the liveness period: a CLOCK is sent every quarter period (it also feeds
 *                       the clock sync), and a board from which nothing arrived for a whole period
 *                       is declared disconnected at that moment, so every waiter learns of a silent
 *                       death within one period of the last frame, and one or two lost answers
 *                       never end a session (see HeartbeatRule)
 * @param reconnect      after a disconnect, open the port again with backoff, handshake again
 *                       and re-arm every subscription
 * @param backoffMin     first wait before reconnecting; doubles up to {@code backoffMax}
 * @param backoffMax     longest wait between reconnect attempts
 * @param edgeBuffer     edges (or samples) one stream may hold before it drops (and reports) the newest
 */
public record BoardOptions(SerialLinkFactory links, int baud, boolean resetOnOpen, Duration connectTimeout,
                           Duration helloRetry, Duration requestTimeout, Duration heartbeat, boolean reconnect,
                           Duration backoffMin, Duration backoffMax, int edgeBuffer) {

    public BoardOptions {
        if (links == null) {
            throw new IllegalArgumentException("BoardOptions: links (the SerialLinkFactory) is null");
        }
        if (baud < 0) {
            throw new IllegalArgumentException("BoardOptions: baud must be positive (or 0 for the config's), got " + baud);
        }
        positive("connectTimeout", connectTimeout);
        positive("helloRetry", helloRetry);
        positive("requestTimeout", requestTimeout);
        positive("heartbeat", heartbeat);
        positive("backoffMin", backoffMin);
        positive("backoffMax", backoffMax);
        if (edgeBuffer < 1) {
            throw new IllegalArgumentException("BoardOptions: edgeBuffer must be at least 1, got " + edgeBuffer);
        }
    }

    /**
     * The native reactor's links where it loads, else jssc ({@link Transports#links()}); the config's
     * baud, 5 s to connect, 1 s heartbeat, no reconnect.
     */
    public static BoardOptions defaults() {
        return new BoardOptions(Transports.links(), 0, false, Duration.ofSeconds(5), Duration.ofMillis(250),
                Duration.ofSeconds(1), Duration.ofSeconds(1), false, Duration.ofMillis(100), Duration.ofSeconds(5), 16_384);
    }

    public BoardOptions withLinks(SerialLinkFactory f) {
        return new BoardOptions(f, baud, resetOnOpen, connectTimeout, helloRetry, requestTimeout, heartbeat, reconnect,
                backoffMin, backoffMax, edgeBuffer);
    }

    public BoardOptions withBaud(int b) {
        return new BoardOptions(links, b, resetOnOpen, connectTimeout, helloRetry, requestTimeout, heartbeat, reconnect,
                backoffMin, backoffMax, edgeBuffer);
    }

    public BoardOptions withReconnect(boolean on) {
        return new BoardOptions(links, baud, resetOnOpen, connectTimeout, helloRetry, requestTimeout, heartbeat, on,
                backoffMin, backoffMax, edgeBuffer);
    }

    public BoardOptions withHeartbeat(Duration d) {
        return new BoardOptions(links, baud, resetOnOpen, connectTimeout, helloRetry, requestTimeout, d, reconnect,
                backoffMin, backoffMax, edgeBuffer);
    }

    public BoardOptions withConnectTimeout(Duration d) {
        return new BoardOptions(links, baud, resetOnOpen, d, helloRetry, requestTimeout, heartbeat, reconnect,
                backoffMin, backoffMax, edgeBuffer);
    }

    public BoardOptions withRequestTimeout(Duration d) {
        return new BoardOptions(links, baud, resetOnOpen, connectTimeout, helloRetry, d, heartbeat, reconnect,
                backoffMin, backoffMax, edgeBuffer);
    }

    public BoardOptions withEdgeBuffer(int n) {
        return new BoardOptions(links, baud, resetOnOpen, connectTimeout, helloRetry, requestTimeout, heartbeat, reconnect,
                backoffMin, backoffMax, n);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("BoardOptions: " + name + " must be a positive duration, got " + d);
        }
    }
}
