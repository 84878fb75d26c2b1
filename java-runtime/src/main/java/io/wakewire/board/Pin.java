package io.wakewire.board;

import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeSource;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.Level;
import io.wakewire.task.Future;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;

/**
 * One pin of a board, by its config name: {@code board.pin("D2")}. Every method checks the pin's
 * capabilities first and throws {@link PinException} (naming the board and the pin), or
 * {@link ModuleMissingException} for a firmware module the board lacks, before anything
 * is sent; the returned futures do their work when awaited.
 *
 * <pre>{@code
 * Edge e = await(board.pin("D2").nextEdge(EdgeFilter.RISING));
 * await(board.pin("D13").write(Level.HIGH));
 * AnalogReading a = await(board.pin("A0").analogRead());
 * }</pre>
 */
public final class Pin implements EdgeSource {

    private final PinChannel channel;

    Pin(PinChannel channel) {
        this.channel = channel;
    }

    @Override
    public String name() {
        return channel.name();
    }

    /** The Arduino pin number the board uses on the wire. */
    public int number() {
        return channel.spec.number();
    }

    /**
     * The first edge matching {@code filter} after this future is first polled (see {@link EdgeSource}).
     * Arms the pin on first use (it then stays armed). To see every edge, with nothing missed
     * between two waits, use {@link #edges}.
     */
    @Override
    public Future<Edge> nextEdge(EdgeFilter filter) {
        requireEdge(filter);
        return new BoardNextEdge(channel, filter);
    }

    /** A stream of every edge matching {@code filter}, from its first {@code next()} poll on; close it when done. */
    @Override
    public EdgeStream edges(EdgeFilter filter) {
        requireEdge(filter);
        return new BoardEdgeStream(channel, filter, channel.session.options.edgeBuffer());
    }

    /** Drives the pin as an output (PIN_MODE output first, once). */
    public Future<Void> write(Level level) {
        if (level == null) {
            throw new IllegalArgumentException("write(" + name() + "): level is null");
        }
        require(channel.spec.output(), "is not an output");
        return channel.write(level == Level.HIGH ? 1 : 0);
    }

    /**
     * PWM with {@code duty} from 0.0 (always low) to 1.0 (always high), in 256 steps; the
     * frequency is the board timer's (about 490 or 980 Hz on an Uno). Needs the firmware's pwm
     * module: without it, {@link ModuleMissingException} before anything is sent.
     */
    public Future<Void> pwm(double duty) {
        if (!(duty >= 0.0 && duty <= 1.0)) {
            throw new PinException(channel.session.label(), "pwm(" + name() + "): duty " + duty
                    + " is outside 0.0..1.0");
        }
        require(channel.spec.pwm(), "has no PWM (pins with 'pwm' in the board config have)");
        FirmwareModule.PWM.require(channel.session, name() + ".pwm()");
        return channel.pwm((int) Math.round(duty * 255));
    }

    /**
     * One ADC conversion of this pin's channel, with the board's timestamp of its completion. Needs
     * the firmware's analog module: without it, {@link ModuleMissingException} before anything is sent.
     */
    public Future<AnalogReading> analogRead() {
        int ch = channel.spec.analogChannel();
        require(ch >= 0, "is not an analog input (pins with 'analog<N>' in the board config are)");
        BoardSession s = channel.session;
        FirmwareModule.ANALOG.require(s, name() + ".analogRead()");
        return s.request("ANALOG_READ " + name(), (seq, req) -> new Command.AnalogRead(seq, req, ch), (a, t0, t1) -> {
            Answer.Analog an = (Answer.Analog) a;
            long t = s.extendTicks(an.ts());
            return new AnalogReading(name(), an.channel(), an.value(), t, s.clock().hostNanos(t));
        });
    }

    private void requireEdge(EdgeFilter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("edges of " + name() + ": filter is null");
        }
        require(channel.spec.edge(), "cannot report edges (pins with 'edge' in the board config can)");
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new PinException(channel.session.label(), "pin " + name() + " " + what);
        }
    }

    @Override
    public String toString() {
        return channel.session.label() + " " + name();
    }
}
