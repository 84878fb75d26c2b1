package io.wakewire.board;

import io.wakewire.wire.Answer;

/**
 * The commands in flight on one board, by request id (1..255, PROTOCOL.md), so that an answer
 * finds its waiter in O(1) whatever order the board answers in.
 *
 * <p>Ids are handed out round-robin, skipping ids in use, so a late answer to a timed-out command
 * is very unlikely to be taken for the answer to a new one (255 commands would have to pass in
 * between). A full table (255 in flight) is a clear error, not a wait. Executor thread only.
 */
final class RequestTable {

    static final int MAX_IN_FLIGHT = 255;

    private final Request<?>[] slots = new Request<?>[256];
    private int lastId;
    private int inFlight;

    /** Registers {@code r} under a free id and returns the id; -1 when 255 are in flight. */
    int register(Request<?> r) {
        if (inFlight >= MAX_IN_FLIGHT) {
            return -1;
        }
        int id = lastId;
        do {
            id = id % 255 + 1;
        } while (slots[id] != null);
        slots[id] = r;
        lastId = id;
        inFlight++;
        return id;
    }

    /** Removes {@code r} from {@code id} if it is still there (after a timeout or cancel). */
    void remove(int id, Request<?> r) {
        if (id > 0 && id < 256 && slots[id] == r) {
            slots[id] = null;
            inFlight--;
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
        return true;
    }

    /** Fails every request in flight with {@code e} (the board went away). */
    void failAll(BoardException e) {
        for (int id = 1; id < 256; id++) {
            Request<?> r = slots[id];
            if (r != null) {
                slots[id] = null;
                inFlight--;
                r.failed(e);
            }
        }
    }

    int inFlight() {
        return inFlight;
    }
}
