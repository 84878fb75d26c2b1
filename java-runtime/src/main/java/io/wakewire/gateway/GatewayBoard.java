package io.wakewire.gateway;

import io.wakewire.board.BoardOptions;
import io.wakewire.board.config.BoardConfig;

import java.util.List;

/**
 * One board the gateway serves.
 *
 * @param id      its topic level (PREFIX/ID/...): letters, digits, '-', '_' and '.'
 * @param config  the board's config (uno, nano, mega2560)
 * @param port    its serial port
 * @param options how the host talks to it (heartbeat, reconnect)
 * @param pins    the input pins whose edges are published
 * @param analog  the analog pins sampled every {@link GatewayOptions#analogEvery()}
 * @param outputs the outputs announced to Home Assistant (commands work on any output anyway)
 */
public record GatewayBoard(String id, BoardConfig config, String port, BoardOptions options, List<String> pins,
                           List<String> analog, List<String> outputs) {

    public GatewayBoard {
        if (id == null || !id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("board id '" + id + "' must be letters, digits, '-', '_' or '.'");
        }
        pins = List.copyOf(pins);
        analog = List.copyOf(analog);
        outputs = List.copyOf(outputs);
    }

    /** Edges of {@code pins}; no analog samples, no outputs announced. */
    public GatewayBoard(String id, BoardConfig config, String port, BoardOptions options, List<String> pins) {
        this(id, config, port, options, pins, List.of(), List.of());
    }
}
