package io.wakewire.board;

import io.wakewire.board.config.BoardConfig;
import io.wakewire.board.config.BoardKind;
import io.wakewire.board.config.Capability;
import io.wakewire.board.config.PinInfo;
import io.wakewire.task.Future;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A microcontroller running the wakewire firmware on a serial port, as futures.
 *
 * <pre>{@code
 * try (Board board = await(Board.connect(BoardConfig.load(dir, "uno"), "/dev/ttyACM0", BoardOptions.defaults()))) {
 *     Pin button = board.pin("D2");
 *     Edge e = await(Futures.timeout(button.nextEdge(EdgeFilter.FALLING), Duration.ofSeconds(5)));
 *     await(board.pin("D13").write(Level.HIGH));
 *     Duration rtt = await(board.ping());
 * }
 * }</pre>
 * ({@code Edge}, {@code EdgeFilter} and {@code Level} are {@link io.wakewire.pin}'s, shared with Pi pins.)
 *
 * <p>A board belongs to the executor whose task awaited {@link #connect}: its session's reader and
 * supervisor run there, and its futures must be awaited there. Several boards can share one
 * executor. Pin lookups and {@link #stats()} and {@link #close()} work from any thread.
 * See {@link BoardSession} for the mechanisms (handshake, heartbeat, loss accounting, reconnect).
 */
public final class Board implements AutoCloseable {

    private final BoardSession session;
    private final Map<String, Pin> pins = new ConcurrentHashMap<>();

    private Board(BoardSession session) {
        this.session = session;
    }

    /**
     * Connects to the board on {@code port}: open, handshake (HELLO with retries within
     * {@code options.connectTimeout()}, protocol version and MCU signature checked against
     * {@code config}), seed the clock sync. Nothing happens until the future is awaited; then it
     * completes when the board is ready, or fails with {@link BoardDisconnectedException} (no port,
     * no HELLO in time) or {@link BoardMismatchException} (another MCU or protocol).
     */
    public static Future<Board> connect(BoardConfig config, String port, BoardOptions options) {
        if (config == null) {
            throw new IllegalArgumentException("Board.connect: config is null");
        }
        if (config.kind() != BoardKind.AVR) {
            throw new IllegalArgumentException("Board.connect: board '" + config.name() + "' is a " + config.kind()
                    + " board; a serial Board needs an AVR board config (use io.wakewire.pi for a Pi's own pins)");
        }
        return connect(specOf(config), port, options == null ? BoardOptions.defaults() : options);
    }

    /** {@link #connect(BoardConfig, String, BoardOptions)} with the default options. */
    public static Future<Board> connect(BoardConfig config, String port) {
        return connect(config, port, BoardOptions.defaults());
    }

    static BoardSpec specOf(BoardConfig c) {
        List<PinSpec> pins = new ArrayList<>();
        for (PinInfo p : c.pins()) {
            pins.add(new PinSpec(p.name(), p.number(), p.can(Capability.IN), p.can(Capability.OUT), p.can(Capability.PWM),
                    p.can(Capability.EDGE), p.analogChannel().orElse(-1), p.dropSource().orElse(-1)));
        }
        return new BoardSpec(c.name(), c.signature(), (int) c.baud(), pins);
    }

    static Future<Board> connect(BoardSpec spec, String port, BoardOptions options) {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("Board.connect(" + spec.name() + "): no port given");
        }
        return new ConnectFuture(new Board(new BoardSession(spec, port, options)));
    }

    BoardSession session() {
        return session;
    }

    /** "uno@/dev/ttyACM0": the config's board name and the port. */
    public String label() {
        return session.label();
    }

    /** A pin by its board-config name ("D2", "A0"); a clear {@link PinException} listing the valid names otherwise. */
    public Pin pin(String name) {
        if (name == null) {
            throw new PinException(label(), "pin name is null");
        }
        return pins.computeIfAbsent(name.trim(), n -> {
            PinChannel c = session.channel(n);
            if (c == null) {
                List<String> names = new ArrayList<>();
                session.pinNames().forEach(names::add);
                throw new PinException(label(), "no pin named '" + name + "' on board " + session.spec.name()
                        + " (its pins: " + String.join(", ", names) + ")");
            }
            return new Pin(c);
        });
    }

    /** The messages the board's app tasks send on {@code topic} (0..255); see {@link MessageStream}. */
    public MessageStream messages(int topic) {
        return session.messages.stream(label(), topic);
    }

    /** Sends {@code data} to the board's app tasks on {@code topic}; completes once queued there (see Messages). */
    public Future<Void> send(int topic, byte[] data) {
        return Messages.send(session, topic, data);
    }

    /** Board-timed samples of several analog pins, round-robin, each {@code rateHz} a second (see {@link SampleStream}). */
    public SampleStream samples(int rateHz, String... pins) {
        return Samples.open(session, rateHz, pins);
    }

    /** A servo on a pin ({@code "D9"}): {@link Servo}. Checked here; nothing is sent until its first move. */
    public Servo servo(String pin) {
        return Servo.on(this, pin(pin));
    }

    /** The board's I2C bus (firmware module i2c) at {@code hz} (100_000 or 400_000); see {@link I2cBus}. */
    public Future<I2cBus> i2c(int hz) {
        return I2cBus.open(session, hz);
    }

    /** Round trip of a PING through the board's firmware. */
    public Future<Duration> ping() {
        byte[] data = {0x77, 0x77};
        return session.request("PING", (seq, req) -> new Command.Ping(seq, req, data),
                (a, t0, t1) -> Duration.ofNanos(t1 - t0));
    }

    /** The board's own counters (CRC errors, bad frames, RX overruns, drops per source). */
    public Future<BoardCounters> boardCounters() {
        return session.request("STATS", Command.Stats::new, (a, t0, t1) -> BoardCounters.of((Answer.StatsReport) a));
    }

    /** This session's counters, from any thread. */
    public BoardStats stats() {
        return session.stats();
    }

    /** What the board's latest HELLO said (firmware version, clock, capabilities), or null before the first handshake. */
    public BoardInfo info() {
        Answer.HelloInfo h = session.hello();
        return h == null ? null : BoardInfo.of(h);
    }

    /** The firmware modules the board's latest HELLO announces (empty before the first handshake). */
    public Set<FirmwareModule> modules() {
        BoardInfo h = info();
        Set<FirmwareModule> in = EnumSet.noneOf(FirmwareModule.class);
        for (FirmwareModule m : FirmwareModule.values()) {
            if (h != null && m.presentIn(h)) {
                in.add(m);
            }
        }
        return in;
    }

    /** True between a successful handshake and a loss. */
    public boolean isReady() {
        return session.state() == BoardSession.State.READY;
    }

    /** Closes the link and ends the session; every waiter fails with {@link BoardDisconnectedException}. Any thread. */
    @Override
    public void close() {
        session.requestClose();
    }

    @Override
    public String toString() {
        return "Board[" + label() + ", " + session.state().name().toLowerCase() + "]";
    }
}
