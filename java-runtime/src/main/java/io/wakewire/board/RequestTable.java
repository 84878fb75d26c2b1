package io.wakewire.board;

import io.wakewire.wire.Answer;

import java.util.ArrayDeque;

/**
 * The commands in flight on one board, by request id (1..255, PROTOCOL.md), so that an answer
 * finds its waiter in O(1) whatever order the board answers in; and the in-flight limit.
 *
 * <p>The limit: at most {@link #MAX_IN_FLIGHT} commands wait for answers at once (PROTOCOL.md,
 * "Pipelining": the board holds one decoded command and 32 received bytes, so more than about
 * 3 can overrun its RX buffer at full line rate, and those are dropped unanswered). A request
 * beyond that waits on the host, in order, until an answer, a timeout or a cancel frees a slot;
 * it is then {@linkplain Request#admitted admitted} with its id and sends on its next poll.
 *
 * <p>Ids are handed out round-robin, skipping ids in use, so a late answer to a timed-out command
 * is very unlikely to be taken for the answer to a new one (255 commands would have to pass in
 * between). Executor thread only.
 */
final class RequestTable {

    /** Commands awaiting answers at once; PROTOCOL.md says "about 3". */
    static final int MAX_IN_FLIGHT = 3;
    /** {@link #register}'s answer when the request has to wait for a slot. */
    static final int QUEUED = 0;

    private final Request<?>[] slots = new Request<?>[256];
    private final ArrayDeque<Request<?>> waiting = new ArrayDeque<>();
    private int lastId;
    private int inFlight;

    /** Registers {@code r}: its id when a slot is free, else {@link #QUEUED} (admitted later, in order). */
    int register(Request<?> r) {
        if (inFlight >= MAX_IN_FLIGHT || !waiting.isEmpty()) {
            waiting.addLast(r);
            return QUEUED;
        }
        return take(r);
    }

    private int take(Request<?> r) {
        int id = lastId;
        do {
            id = id % 255 + 1;
        } while (slots[id] != null);
        slots[id] = r;
        lastId = id;
        inFlight++;
        return id;
    }

    /** Removes {@code r} (after a timeout or cancel): from slot {@code id}, or from the queue when not admitted. */
    void remove(int id, Request<?> r) {
        if (id > 0 && id < 256 && slots[id] == r) {
            slots[id] = null;
            inFlight--;
            admitWaiting();
        } else if (id == QUEUED) {
            waiting.remove(r);
        }
    }

    /** Hands {@code answer} to the request waiting for its id; false when none waits (a late answer). */
    boolean complete(Answer.Reply answer) {
        int id = answer.reqId();
        Request<?> r = id > 0 && id < 256 ? slots[id] : null;
        if (r == null) {
            return false;
        }
        slots[id] = null;
        inFlight--;
        r.answered(answer);
        admitWaiting();
        return true;
    }

    private void admitWaiting() {
        while (inFlight < MAX_IN_FLIGHT && !waiting.isEmpty()) {
            Request<?> r = waiting.removeFirst();
            r.admitted(take(r));
        }
    }

    /** Fails every request in flight or waiting with {@code e} (the board went away). */
    void failAll(BoardException e) {
        Request<?>[] queued = waiting.toArray(new Request<?>[0]);
        waiting.clear();
        for (int id = 1; id < 256; id++) {
            Request<?> r = slots[id];
            if (r != null) {
                slots[id] = null;
                inFlight--;
                r.failed(e);
            }
        }
        for (Request<?> r : queued) {
            r.failed(e);
        }
    }

    int inFlight() {
        return inFlight;
    }

    /** Requests waiting for a slot. */
    int waiting() {
        return waiting.size();
    }
}
