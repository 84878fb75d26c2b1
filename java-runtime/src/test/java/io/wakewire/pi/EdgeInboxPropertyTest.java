package io.wakewire.pi;

import io.wakewire.pin.Edge;
import io.wakewire.pin.Level;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgesLostException;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayDeque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Any sequence of edges and takes (with any filters) behaves like this model: a bounded FIFO that
 * drops the newest edge when full and counts it; a take first reports the count of drops since the
 * last report, else skips unwanted edges to the first wanted one. Nothing is lost uncounted.
 */
class EdgeInboxPropertyTest {

    /** An operation: deliver an edge of a level, or take with a filter. */
    record Op(boolean deliver, Level level, EdgeFilter filter) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> deliver = Arbitraries.of(Level.values()).map(l -> new Op(true, l, null));
        Arbitrary<Op> take = Arbitraries.of(EdgeFilter.values()).map(f -> new Op(false, null, f));
        return Arbitraries.frequencyOf(
                Tuple.of(3, deliver),
                Tuple.of(2, take)).list().ofMaxSize(120);
    }

    @Property(tries = 400)
    void matchesTheModel(@ForAll @IntRange(min = 1, max = 6) int capacity, @ForAll("ops") List<Op> ops) {
        EdgeInbox inbox = new EdgeInbox("GPIO4", capacity);
        ArrayDeque<Edge> model = new ArrayDeque<>();
        long modelLost = 0;
        long seq = 0;
        long delivered = 0;
        long taken = 0;
        long skipped = 0;
        long reported = 0;
        Object consumer = new Object();
        inbox.claim(consumer);
        for (Op op : ops) {
            if (op.deliver()) {
                inbox.deliver(op.level(), seq);
                delivered++;
                if (model.size() < capacity) {
                    model.add(Edge.onHost("GPIO4", op.level(), seq));
                } else {
                    modelLost++;
                }
                seq++;
                continue;
            }
            if (modelLost > 0) {
                long expected = modelLost;
                EdgesLostException e = assertThrows(EdgesLostException.class, () -> inbox.take(op.filter()));
                assertEquals(expected, e.count());
                reported += expected;
                modelLost = 0;
                continue;
            }
            Edge want = null;
            while (!model.isEmpty()) {
                Edge e = model.poll();
                if (op.filter().accepts(e.level())) {
                    want = e;
                    break;
                }
                skipped++;
            }
            Edge got = inbox.take(op.filter());
            assertEquals(want, got);
            if (got != null) {
                taken++;
            }
            assertEquals(model.size(), inbox.buffered());
        }
        assertEquals(delivered, inbox.seen());
        assertEquals(delivered, taken + skipped + model.size() + reported + modelLost, "every edge accounted for");
        assertEquals(reported + modelLost, inbox.lostTotal());
    }
}
