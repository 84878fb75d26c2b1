package io.wakewire.wire;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random valid frames of every kind, for the codec properties. */
final class FrameArbitraries {

    private FrameArbitraries() {
    }

    static Arbitrary<Integer> u8() {
        return Arbitraries.integers().between(0, 255);
    }

    static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    static Arbitrary<byte[]> bytes(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(max);
    }

    static Arbitrary<Frame> frames() {
        return Arbitraries.oneOf(List.of(commands(), answers(), events(), raw()));
    }

    static Arbitrary<Frame> commands() {
        Arbitrary<Integer> u8 = u8();
        return Arbitraries.oneOf(List.of(
                Combinators.combine(u8, u8).as(Command.Hello::new),
                Combinators.combine(u8, u8, u8, u8).as(Command.PinMode::new),
                Combinators.combine(u8, u8, u8, u8, u16()).as(Command.Arm::new),
                Combinators.combine(u8, u8, u8, u8).as(Command.DigitalWrite::new),
                Combinators.combine(u8, u8, u8, u8).as(Command.PwmWrite::new),
                Combinators.combine(u8, u8, u8, u8, u16()).as(Command.Servo::new),
                Combinators.combine(u8, u8, u8).as(Command.AnalogRead::new),
                Combinators.combine(u8, u8, u8).as(Command.ReadPin::new),
                Combinators.combine(u8, u8, bytes(Command.Ping.MAX_DATA)).as(Command.Ping::new),
                Combinators.combine(u8, u8).as(Command.Clock::new),
                Combinators.combine(u8, u8).as(Command.Stats::new),
                Combinators.combine(u8, u8).as(Command.ResetCause::new)));
    }

    static Arbitrary<Frame> answers() {
        Arbitrary<Integer> u8 = u8();
        Arbitrary<Frame> hello = u8.list().ofSize(9).flatMap(b -> Combinators.combine(u32(), u32(), u16(), u16())
                .as((fCpu, baud, tick, caps) -> new Answer.HelloInfo(b.get(0), b.get(1), b.get(2), b.get(3), b.get(4),
                        b.get(5) << 16 | b.get(6) << 8 | b.get(7), fCpu, tick, caps, b.get(8), baud, b.get(0))));
        Arbitrary<List<Answer.Drop>> drops = Combinators.combine(u8, u16()).as(Answer.Drop::new).list().ofMaxSize(17);
        return Arbitraries.oneOf(List.of(
                hello,
                Combinators.combine(u8, u8).as(Answer.Ack::new),
                Combinators.combine(u8, u8, u8, u8).as(Answer.Nak::new),
                Combinators.combine(u8, u8, bytes(Frame.MAX_PAYLOAD - 1)).as(Answer.Pong::new),
                Combinators.combine(u8, u8, u8, u16(), u32()).as(Answer.Analog::new),
                Combinators.combine(u8, u8, u8, u8, u32()).as(Answer.PinLevel::new),
                Combinators.combine(u8, u8, u16(), u16(), u16(), drops).as(Answer.StatsReport::new),
                Combinators.combine(u8, u8, u32()).as(Answer.ClockReading::new),
                Combinators.combine(u8, u8, u8).as(Answer.ResetCauseReport::new)));
    }

    /** EVENTS with as many records as fit in 60 payload bytes, deltas mostly small. */
    static Arbitrary<Frame> events() {
        Arbitrary<Long> delta = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 127)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(128, 20_000)),
                net.jqwik.api.Tuple.of(1, u32()));
        Arbitrary<long[]> edge = Combinators.combine(Arbitraries.integers().between(0, 126),
                Arbitraries.integers().between(0, 1), delta).as((p, l, d) -> new long[] {0, p, l, d});
        Arbitrary<long[]> lost = Combinators.combine(u8(), u32()).as((s, c) -> new long[] {1, s, c});
        Arbitrary<List<long[]>> raw = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, edge), net.jqwik.api.Tuple.of(1, lost)).list().ofMaxSize(40);
        return Combinators.combine(u8(), u32(), raw).as((seq, base, specs) -> {
            List<EventRecord> records = new ArrayList<>();
            int size = 4;
            long ts = base;
            for (long[] s : specs) {
                int need = s[0] == 0 ? 1 + Leb128.size(s[3]) : 2 + Leb128.size(s[2]);
                if (size + need > Frame.MAX_PAYLOAD) {
                    break;
                }
                size += need;
                if (s[0] == 0) {
                    ts += s[3];
                    records.add(new EventRecord.Edge((int) s[1], (int) s[2], ts));
                } else {
                    records.add(new EventRecord.Lost((int) s[1], s[2]));
                }
            }
            return new Answer.Events(seq, base, records);
        });
    }

    /** Frames of types v1 does not define (a known type would decode to its record). */
    static Arbitrary<Frame> raw() {
        return Combinators.combine(u8().filter(t -> !FrameTypes.isKnown(t)), u8(), bytes(Frame.MAX_PAYLOAD))
                .as(Raw::new);
    }
}
