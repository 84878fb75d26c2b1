package io.wakewire.board;

import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A hobby servo on one pin, driven by the firmware's servo module: a pulse every 20 ms whose width
 * sets the position. {@code board.servo("D9")}; nothing is sent until the first move.
 *
 * <pre>{@code
 * Servo s = board.servo("D9");
 * await(s.angle(90));                        // 544 + 90/180 * (2400 - 544) us
 * await(s.calibrate(Duration.ofNanos(500_000), Duration.ofNanos(2_500_000)).angle(0));
 * await(s.pulse(Duration.ofNanos(1_500_000)));
 * await(s.detach());                         // no more pulses; the pin stays a low output
 * }</pre>
 *
 * <p>Where the pulse comes from (avr-firmware/modules/servo): Timer1's compare outputs (Uno/Nano
 * D9 and D10, Mega D11 and D12) make it in hardware, to one Timer1 tick (0.5 us at 16 MHz); while
 * either holds a servo, Timer1 runs the 20-ms frame and PWM on both pins is refused (and a servo
 * there is refused while PWM runs on either). Any other output pin, up to {@link #MAX_INTERRUPT_DRIVEN}
 * at a time, is pulsed from Timer0's compare interrupt, to one Timer0 tick (4 us), with the PWM
 * of Timer0's pins (Uno D5/D6, Mega D4/D13) refused meanwhile. {@link #resolution()} says which.
 *
 * <p>Every call checks first and throws before anything is sent: {@link PinException} for a pin
 * that is not an output, an angle outside 0..180, a pulse outside the calibration, a ninth
 * interrupt-driven servo; {@link ModuleMissingException} when the board's firmware lacks the servo
 * module. A board that resets starts without servos: before it is READY again (after a reset, or
 * a reconnect with {@code BoardOptions.reconnect}) the session sends every attached servo its last
 * pulse, as it re-arms pins; a detached one stays detached.
 */
public final class Servo {

    /** The default calibration, as Arduino's Servo library: 544 us at 0 degrees, 2,400 us at 180. */
    public static final Duration DEFAULT_MIN = Duration.ofNanos(544_000);
    public static final Duration DEFAULT_MAX = Duration.ofNanos(2_400_000);
    /** The widest range the firmware takes (it NAKs others): 200..2,500 us. */
    public static final Duration FIRMWARE_MIN = Duration.ofNanos(200_000);
    public static final Duration FIRMWARE_MAX = Duration.ofNanos(2_500_000);
    /** Servos on pins other than Timer1's, per board (the firmware's slots). */
    public static final int MAX_INTERRUPT_DRIVEN = 8;

    private static final int SIG_MEGA = 0x1E9801;

    private final BoardSession session;
    private final Pin pin;
    private final boolean hardware;
    private final Map<String, Servo> siblings;
    private volatile long minNanos = DEFAULT_MIN.toNanos();
    private volatile long maxNanos = DEFAULT_MAX.toNanos();
    /** The pulse last sent, in the firmware's ticks, while attached; -1 when detached or never moved. */
    private volatile int lastTicks = -1;

    private Servo(BoardSession session, Pin pin, Map<String, Servo> siblings) {
        this.session = session;
        this.pin = pin;
        this.siblings = siblings;
        int n = pin.number();
        this.hardware = session.spec.signature() == SIG_MEGA ? n == 11 || n == 12 : n == 9 || n == 10;
    }

    static Servo on(Board board, Pin pin) {
        BoardSession s = board.session();
        PinSpec spec = s.spec.pins().stream().filter(p -> p.name().equals(pin.name())).findFirst().orElseThrow();
        if (!spec.output()) {
            throw new PinException(s.label(), "servo(" + pin.name() + "): pin " + pin.name()
                    + " is not an output, so it cannot pulse a servo");
        }
        synchronized (s.servos) {
            return s.servos.computeIfAbsent(pin.name(), n -> new Servo(s, pin, s.servos));
        }
    }

    /** The pin's config name. */
    public String pin() {
        return pin.name();
    }

    /** True on Timer1's compare outputs (pulses made in hardware); false when interrupt-driven. */
    public boolean hardware() {
        return hardware;
    }

    /** The step a pulse is set in: one Timer1 tick (8 cycles) in hardware, one Timer0 tick (64 cycles) otherwise. */
    public Duration resolution() {
        return Duration.ofNanos(Math.round(cyclesPerStep() * 1e9 / fCpu()));
    }

    /** The calibration: the pulse at 0 degrees and at 180. */
    public Duration min() {
        return Duration.ofNanos(minNanos);
    }

    public Duration max() {
        return Duration.ofNanos(maxNanos);
    }

    /**
     * Sets the pulse widths of 0 and 180 degrees (default 544 and 2,400 us); {@code min < max},
     * both within 200..2,500 us. Sends nothing; returns this servo.
     */
    public Servo calibrate(Duration min, Duration max) {
        if (min == null || max == null) {
            throw new IllegalArgumentException("calibrate(" + pin() + "): min or max is null");
        }
        long lo = min.toNanos(), hi = max.toNanos();
        if (lo < FIRMWARE_MIN.toNanos() || hi > FIRMWARE_MAX.toNanos() || lo >= hi) {
            throw new PinException(session.label(), String.format(Locale.ROOT,
                    "servo %s: calibration %.1f..%.1f us is not an increasing range within 200..2500 us", pin(),
                    lo / 1e3, hi / 1e3));
        }
        synchronized (this) {
            minNanos = lo;
            maxNanos = hi;
        }
        return this;
    }

    /** Moves to {@code degrees} (0..180): the pulse interpolated between the calibration's ends. */
    public Future<Void> angle(double degrees) {
        if (!(degrees >= 0 && degrees <= 180)) {
            throw new PinException(session.label(), "servo " + pin() + ": angle " + degrees + " is outside 0..180 degrees");
        }
        long lo = minNanos, hi = maxNanos;
        return send(Math.round(lo + (hi - lo) * degrees / 180.0), String.format(Locale.ROOT, "%.1f deg", degrees));
    }

    /** Sets the pulse width itself; it must lie within the calibration ({@link #min()}..{@link #max()}). */
    public Future<Void> pulse(Duration width) {
        if (width == null) {
            throw new IllegalArgumentException("servo " + pin() + ": pulse width is null");
        }
        long ns = width.toNanos();
        if (ns < minNanos || ns > maxNanos) {
            throw new PinException(session.label(), String.format(Locale.ROOT,
                    "servo %s: pulse %.1f us is outside its calibration %.1f..%.1f us", pin(), ns / 1e3, minNanos / 1e3,
                    maxNanos / 1e3));
        }
        return send(ns, String.format(Locale.ROOT, "%.1f us", ns / 1e3));
    }

    /** Stops the pulses; the pin stays a low output. Frees its slot. */
    public Future<Void> detach() {
        FirmwareModule.SERVO.require(session, "servo " + pin() + ".detach()");
        forgetPulse();
        int n = pin.number();
        return session.request("SERVO " + pin() + " detach", (seq, req) -> new Command.Servo(seq, req, n, Command.Servo.DETACH, 0));
    }

    /** The ticks (of 8 CPU cycles) the firmware gets for a pulse of {@code nanos}: on this pin's own step. */
    public int ticksFor(long nanos) {
        long cycles = Math.round(nanos * fCpu() / 1e9);
        long step = cyclesPerStep();
        return (int) (Math.round((double) cycles / step) * step / 8);
    }

    private Future<Void> send(long nanos, String what) {
        FirmwareModule.SERVO.require(session, "servo " + pin() + " " + what);
        if (!hardware && !attached()) {
            synchronized (siblings) {
                long busy = siblings.values().stream().filter(s -> s.attached() && !s.hardware).count();
                if (busy >= MAX_INTERRUPT_DRIVEN) {
                    throw new PinException(session.label(), "servo " + pin() + ": " + MAX_INTERRUPT_DRIVEN
                            + " interrupt-driven servos are attached already (detach one first)");
                }
            }
        }
        int ticks = ticksFor(nanos);
        lastTicks = ticks;
        session.channel(pin()).forgetOutput();
        return pulseTicks(ticks, what);
    }

    /**
     * Detached, so nothing to restore after a reset: by {@link #detach()}, by a digital write, PWM
     * or pin mode on this pin (the firmware detaches the servo before it carries one out), or by
     * the board refusing the pulse after a reset.
     */
    void forgetPulse() {
        lastTicks = -1;
    }

    private boolean attached() {
        return lastTicks >= 0;
    }

    /** After a reset or reconnect: the last pulse again, if attached (the session calls it before READY). */
    Future<Void> restore() {
        int ticks = lastTicks;
        return ticks < 0 ? Futures.ready(null) : pulseTicks(ticks, "restored after a reset");
    }

    private Future<Void> pulseTicks(int ticks, String what) {
        int n = pin.number();
        return session.request("SERVO " + pin() + " " + what,
                (seq, req) -> new Command.Servo(seq, req, n, Command.Servo.PULSE, ticks));
    }

    private long cyclesPerStep() {
        return hardware ? 8 : 64;
    }

    private long fCpu() {
        Answer.HelloInfo h = session.hello();
        return h == null ? 16_000_000L : h.fCpu();
    }

    @Override
    public String toString() {
        return session.label() + " servo " + pin() + (hardware ? " (Timer1)" : " (Timer0 interrupt)");
    }
}
