package io.wakewire.board;

import io.wakewire.link.LinkClosedException;
import io.wakewire.link.LinkState;
import io.wakewire.link.SerialLink;
import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

import java.nio.ByteBuffer;

/**
 * The receive side of one connection, as a task: it drains the link into the frame decoder, which
 * calls the session back for every frame, and sleeps on the link's read waker when nothing is
 * buffered. No polling, no thread of its own: bytes wake it through the link's reader.
 *
 * <p>Fairness: after {@value #READS_PER_POLL} reads in one poll it wakes itself and yields, so a
 * board streaming at full speed cannot starve the other tasks of the executor (and the frames it
 * has decoded reach their waiters before more arrive). It completes when the link ends, after
 * telling the session why.
 */
final class ReaderLoop implements Future<Void> {

    private static final int READS_PER_POLL = 16;

    private final BoardSession session;
    private final SerialLink link;
    private final ByteBuffer buf = ByteBuffer.allocate(4096);
    private boolean done;

    ReaderLoop(BoardSession session, SerialLink link) {
        this.session = session;
        this.link = link;
    }

    @Override
    public Poll<Void> poll(Context cx) {
        if (done) {
            return Poll.ready(null);
        }
        for (int reads = 0; reads < READS_PER_POLL; ) {
            int n;
            try {
                n = link.read(buf);
            } catch (LinkClosedException e) {
                done = true;
                link.setReadWaker(null);
                session.linkEnded(link, e);
                return Poll.ready(null);
            }
            if (n > 0) {
                reads++;
                session.received(buf.array(), n);
                buf.clear();
                continue;
            }
            link.setReadWaker(cx.waker());
            if (link.available() > 0 || link.state() != LinkState.OPEN) {
                continue; // arrived between the read and setting the waker
            }
            return Poll.pending();
        }
        cx.waker().wake();
        return Poll.pending();
    }

    @Override
    public void cancel() {
        done = true;
        link.setReadWaker(null);
    }

    @Override
    public String describe() {
        return "reading " + link.name() + " for " + session.label();
    }
}
