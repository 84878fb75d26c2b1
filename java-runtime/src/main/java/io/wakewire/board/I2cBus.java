package io.wakewire.board;

import io.wakewire.sync.Permit;
import io.wakewire.sync.Semaphore;
import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.Poll;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The board's I2C bus (firmware module i2c), as futures: every transaction is one command that the
 * board runs from its TWI interrupt and answers when the bus is done, so the host awaits it and
 * nothing polls on either end.
 *
 * <pre>{@code
 * I2cBus i2c = await(board.i2c(400_000));
 * await(i2c.write(0x50, 0x00, 0x10, 1, 2, 3));        // EEPROM: address 0x0010, three bytes
 * byte[] id = await(i2c.writeRead(0x76, 0xD0, 1));     // BMP280 chip id, repeated start
 * List<Integer> found = await(i2c.scan());
 * I2cPoll temp = await(i2c.poll(0x76, 0xFA, 3, Duration.ofMillis(10)));  // board-timed, 100 Hz
 * I2cReading r = await(temp.next());
 * }</pre>
 *
 * <p>Transactions queue on the board (its queue holds {@link #boardQueueBytes()} bytes; a
 * transaction takes 4 + max(bytes written, bytes read)); the host may start any number at once:
 * those that do not fit wait here, in order, until earlier ones are answered, so the board never
 * refuses one as busy. An address or data NAK fails the future with {@link I2cNakException}, a
 * stuck bus with {@link I2cBusException}. Bad arguments (an address above 0x7F, more than
 * {@value #MAX_TRANSFER} bytes) throw {@link IllegalArgumentException} before anything is sent.
 * Executor thread only, like the board's other futures.
 *
 * <p>A board reset forgets the speed and stops a poll: transactions after it run at 100 kHz
 * until {@code board.i2c(hz)} is awaited again, and a poll's stream gets no more readings
 * (start it again). simavr's TWI model, under the virtual board, takes 9 µs a byte whatever
 * the speed.
 */
public final class I2cBus {

    /** The most bytes one transaction writes or reads. */
    public static final int MAX_TRANSFER = Command.I2c.MAX_DATA;
    /** The bytes of a queue entry besides its data (req, addr, nread, nwrite). */
    static final int ENTRY_HEADER = 4;
    /**
     * I2C commands on their way at once. The firmware takes ~2,000 cycles to run a command and write
     * its answer, while a 9-byte command arrives in ~1,440 at 1 Mbaud: back-to-back commands would
     * outrun it and overflow its 32-byte RX ring. Three short commands (27 bytes) fit in that ring.
     */
    static final int IN_FLIGHT = 3;

    private final BoardSession session;
    private final int hz;
    private final int boardQueueBytes;
    private final Semaphore room;
    private final Semaphore inFlight;
    private I2cPoll current; // the poll the board runs, if any

    private I2cBus(BoardSession session, int hz, int boardQueueBytes) {
        this.session = session;
        this.hz = hz;
        this.boardQueueBytes = boardQueueBytes;
        this.room = new Semaphore("i2c queue of " + session.label(), boardQueueBytes);
        this.inFlight = new Semaphore("i2c commands in flight to " + session.label(), IN_FLIGHT);
    }

    /** Configures the board's TWI (the I2C command with the CONFIGURE address) and learns its queue size. */
    static Future<I2cBus> open(BoardSession session, int hz) {
        if (hz != 100_000 && hz != 400_000) {
            throw new IllegalArgumentException(session.label() + ": i2c(" + hz + "): the board's I2C runs at 100000 or 400000 Hz");
        }
        FirmwareModule.I2C.require(session, "i2c(" + hz + ")");
        return session.request("I2C configure " + hz + " Hz",
                (seq, req) -> new Command.I2c(seq, req, Command.I2c.CONFIGURE, hz == 400_000 ? 1 : 0, new byte[0]),
                (a, t0, t1) -> {
                    if (!(a instanceof Answer.I2cResult r) || r.data().length < 2) {
                        throw new IllegalStateException(session.label() + ": I2C configure: unexpected answer " + a);
                    }
                    return new I2cBus(session, hz, r.data()[0] & 0xFF);
                });
    }

    /** The bus speed this handle configured, in Hz. */
    public int hz() {
        return hz;
    }

    /** The size of the board's transaction queue, in bytes (from the board). */
    public int boardQueueBytes() {
        return boardQueueBytes;
    }

    /** Writes {@code bytes} (0..32; none: only the address, as a probe) to the device at {@code addr}. */
    public Future<Void> write(int addr, byte... bytes) {
        String call = String.format(Locale.ROOT, "i2c.write(0x%02x, %d bytes)", addr, bytes == null ? 0 : bytes.length);
        check(call, addr, bytes == null ? 0 : bytes.length, 0);
        return op(call, addr, bytes, 0, r -> null);
    }

    /** Writes ints as bytes (each 0..255). */
    public Future<Void> write(int addr, int... bytes) {
        return write(addr, toBytes("i2c.write", bytes));
    }

    /** Reads {@code n} bytes (1..32) from the device at {@code addr}. */
    public Future<byte[]> read(int addr, int n) {
        String call = String.format(Locale.ROOT, "i2c.read(0x%02x, %d)", addr, n);
        check(call, addr, 0, n);
        if (n < 1) {
            throw new IllegalArgumentException(session.label() + ": " + call + ": read at least 1 byte");
        }
        return op(call, addr, new byte[0], n, r -> r.data());
    }

    /** Writes the register number {@code reg} (0..255), then reads {@code n} bytes after a repeated start. */
    public Future<byte[]> writeRead(int addr, int reg, int n) {
        if (reg < 0 || reg > 0xFF) {
            throw new IllegalArgumentException(session.label() + ": i2c.writeRead: register " + reg + " is not a byte (0..255)");
        }
        return writeRead(addr, new byte[] {(byte) reg}, n);
    }

    /** Writes {@code out} (e.g. a 2-byte EEPROM address), then reads {@code n} bytes after a repeated start. */
    public Future<byte[]> writeRead(int addr, byte[] out, int n) {
        String call = String.format(Locale.ROOT, "i2c.writeRead(0x%02x, %d bytes, %d)", addr, out == null ? 0 : out.length, n);
        check(call, addr, out == null ? 0 : out.length, n);
        if (n < 1) {
            throw new IllegalArgumentException(session.label() + ": " + call + ": read at least 1 byte");
        }
        return op(call, addr, out, n, r -> r.data());
    }

    /**
     * The addresses 0x08..0x77 that acknowledge an address-only write, in order. The probes queue like
     * any transaction; a stuck bus fails the scan with {@link I2cBusException}.
     */
    public Future<List<Integer>> scan() {
        List<Future<Boolean>> probes = new ArrayList<>();
        for (int addr = 0x08; addr <= 0x77; addr++) {
            String call = String.format(Locale.ROOT, "i2c.scan probe 0x%02x", addr);
            probes.add(op(call, addr, new byte[0], 0, null));
        }
        return Futures.map(Futures.join(probes), acked -> {
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < acked.size(); i++) {
                if (acked.get(i)) {
                    found.add(0x08 + i);
                }
            }
            return found;
        });
    }

    /**
     * Starts board-timed polling: the board reads {@code n} bytes (1..32) from register {@code reg}
     * of {@code addr} every {@code every} (1 ms .. 65.535 s, whole ms) by its own clock and sends
     * each reading with its board time; the stream counts the readings lost on the way. One poll
     * per board at a time: a new one replaces the last. The board keeps room in its queue for the
     * poll's reading while it runs.
     */
    public Future<I2cPoll> poll(int addr, int reg, int n, Duration every) {
        String call = String.format(Locale.ROOT, "i2c.poll(0x%02x, reg 0x%02x, %d, %s)", addr, reg, n, every);
        check(call, addr, 1, n);
        if (n < 1 || reg < 0 || reg > 0xFF) {
            throw new IllegalArgumentException(session.label() + ": " + call + ": want 1..32 bytes from a register 0..255");
        }
        long ms = every == null ? -1 : every.toMillis();
        if (every == null || ms < 1 || ms > 0xFFFF || !every.equals(Duration.ofMillis(ms))) {
            throw new IllegalArgumentException(session.label() + ": " + call + ": the interval must be whole ms, 1 ms .. 65535 ms");
        }
        int cost = ENTRY_HEADER + Math.max(1, n);
        if (current != null) {
            current.close(); // the board's poll is replaced: its room comes back for the new one
        }
        return Futures.andThen(room.acquire(cost), permit -> {
            I2cPoll p = new I2cPoll(this, session, permit, call);
            current = p;
            session.i2cReadings = p.sink;
            Future<Void> started = session.request(call, (seq, req) -> new Command.I2cPoll(seq, req, addr, reg, n, (int) ms));
            return Futures.map(started, v -> p);
        });
    }

    /** Stops the board's poll (I2C_POLL with interval 0). */
    Future<Void> stopPoll(String call) {
        return session.request(call + ".stop", (seq, req) -> new Command.I2cPoll(seq, req, 0, 0, 1, 0));
    }

    private void check(String call, int addr, int nwrite, int nread) {
        FirmwareModule.I2C.require(session, call);
        if (addr < 0 || addr > 0x7F) {
            throw new IllegalArgumentException(session.label() + ": " + call + ": address " + addr
                    + " is not a 7-bit I2C address (0..0x7F; a datasheet's 8-bit address is this shifted left by one)");
        }
        if (nwrite > MAX_TRANSFER || nread > MAX_TRANSFER) {
            throw new IllegalArgumentException(session.label() + ": " + call + ": at most " + MAX_TRANSFER
                    + " bytes written and " + MAX_TRANSFER + " read per transaction (split it)");
        }
    }

    private byte[] toBytes(String call, int[] v) {
        byte[] b = new byte[v == null ? 0 : v.length];
        for (int i = 0; i < b.length; i++) {
            if (v[i] < 0 || v[i] > 0xFF) {
                throw new IllegalArgumentException(session.label() + ": " + call + ": byte " + i + " is " + v[i] + ", not 0..255");
            }
            b[i] = (byte) v[i];
        }
        return b;
    }

    /** Maps an I2C answer to the result, or null for a probe (then true/false for ACK/address NAK). */
    interface ResultOf<T> {
        T of(Answer.I2cResult r);
    }

    @SuppressWarnings("unchecked")
    private <T> Future<T> op(String call, int addr, byte[] out, int nread, ResultOf<T> result) {
        byte[] w = out == null ? new byte[0] : out.clone();
        int cost = ENTRY_HEADER + Math.max(w.length, nread);
        if (cost > boardQueueBytes) {
            throw new IllegalArgumentException(session.label() + ": " + call + ": needs " + cost
                    + " bytes of the board's " + boardQueueBytes + "-byte I2C queue");
        }
        return new Op<>(Futures.andThen(inFlight.acquire(), slot -> Futures.map(room.acquire(cost), bytes -> both(slot, bytes))),
                () -> session.request(call,
                (seq, req) -> new Command.I2c(seq, req, addr, nread, w),
                (a, t0, t1) -> {
                    Answer.I2cResult r = (Answer.I2cResult) a;
                    if (result == null && (r.status() == Answer.I2cResult.OK || r.status() == Answer.I2cResult.ADDRESS_NAK)) {
                        return (T) Boolean.valueOf(r.status() == Answer.I2cResult.OK);
                    }
                    failure(call, addr, r.status());
                    return result.of(r);
                }));
    }

    /** One permit that gives back both. */
    private static Permit both(Permit a, Permit b) {
        return new Permit() {
            @Override
            public int count() {
                return b.count();
            }

            @Override
            public void close() {
                b.close();
                a.close();
            }
        };
    }

    /** Throws the exception for a status other than OK. */
    void failure(String call, int addr, int status) {
        switch (status) {
            case Answer.I2cResult.OK -> { }
            case Answer.I2cResult.ADDRESS_NAK -> throw new I2cNakException(session.label(), call, addr, true);
            case Answer.I2cResult.DATA_NAK -> throw new I2cNakException(session.label(), call, addr, false);
            case Answer.I2cResult.STUCK_RECOVERED -> throw new I2cBusException(session.label(), call, addr, true, true);
            case Answer.I2cResult.STUCK_HELD -> throw new I2cBusException(session.label(), call, addr, true, false);
            default -> throw new I2cBusException(session.label(), call, addr, false, true);
        }
    }

    /** A transaction that first takes its bytes of the board's queue, then sends, then gives them back. */
    private static final class Op<T> implements Future<T> {
        private final Future<Permit> acquiring;
        private final java.util.function.Supplier<Future<T>> request;
        private Permit permit;
        private Future<T> inner;

        Op(Future<Permit> acquiring, java.util.function.Supplier<Future<T>> request) {
            this.acquiring = acquiring;
            this.request = request;
        }

        @Override
        public Poll<T> poll(Context cx) {
            if (permit == null) {
                Poll<Permit> p = acquiring.poll(cx);
                if (p.isPending()) {
                    return Poll.pending();
                }
                permit = p.value();
                inner = request.get();
            }
            Poll<T> r;
            try {
                r = inner.poll(cx);
            } catch (RuntimeException e) {
                permit.close();
                throw e;
            }
            if (r.isReady()) {
                permit.close();
            }
            return r;
        }

        @Override
        public void cancel() {
            if (permit == null) {
                acquiring.cancel();
            } else {
                inner.cancel();
                permit.close();
            }
        }

        @Override
        public String describe() {
            return inner == null ? "i2c transaction waiting for room in the board's queue" : inner.describe();
        }
    }
}
