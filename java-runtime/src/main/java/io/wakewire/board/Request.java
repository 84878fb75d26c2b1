package io.wakewire.board;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.Poll;
import io.wakewire.task.TimedOutException;
import io.wakewire.task.Waker;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;

import java.time.Duration;

/**
 * One command and its answer, as a future: the command is sent at the first poll (so a request
 * that is built but never awaited sends nothing), the answer is matched by request id through the
 * {@link RequestTable}, and a timer bounds the wait. When {@link RequestTable#MAX_IN_FLIGHT}
 * commands are already in flight it waits for a slot first, inside the same time limit.
 *
 * <p>A NAK becomes {@link BoardNakException}; no answer in time becomes
 * {@link io.wakewire.task.TimedOutException} (the one timeout type, as from {@code Futures.timeout}); the board going away becomes {@link BoardDisconnectedException}.
 * Cancelling frees the id at once; a late answer to it is then counted as unclaimed. Executor thread
 * only, like every future.
 */
final class Request<T> implements Future<T> {

    /** Makes the result from the answer and the times it was sent and received (the executor's clock). */
    interface ResultMaker<T> {
        T make(Answer.Reply answer, long sentNanos, long answeredNanos);
    }

    /** Makes the command from (seq, reqId). */
    interface CommandMaker {
        Command make(int seq, int reqId);
    }

    private final BoardSession session;
    private final String what;
    private final CommandMaker maker;
    private final ResultMaker<T> result;
    private final Duration timeout;
    private final boolean duringHandshake;

    private int reqId;
    private Future<Void> timer;
    private Waker waker;
    private Answer.Reply answer;
    private RuntimeException failure;
    private boolean registered;
    private boolean sent;
    private boolean done;
    long sentNanos;
    long answeredNanos;

    Request(BoardSession session, String what, CommandMaker maker, ResultMaker<T> result, Duration timeout,
            boolean duringHandshake) {
        this.session = session;
        this.what = what;
        this.maker = maker;
        this.result = result;
        this.timeout = timeout;
        this.duringHandshake = duringHandshake;
    }

    @Override
    public Poll<T> poll(Context cx) {
        if (done) {
            throw new IllegalStateException(what + ": polled after completion");
        }
        waker = cx.waker();
        if (!registered) {
            registered = true;
            timer = Futures.sleep(timeout); // the wait for a slot counts too: the caller's limit is on the answer
            reqId = session.register(this, duringHandshake);
            if (reqId < 0) {
                return finish();
            }
        }
        if (!sent && reqId != RequestTable.QUEUED && failure == null) {
            sent = true;
            sentNanos = session.nowNanos();
            session.send(maker.make(session.nextTxSeq(), reqId), this);
        }
        if (answer != null || failure != null) {
            return finish();
        }
        if (timer.poll(cx).isReady()) {
            session.requests().remove(reqId, this);
            session.countTimeout();
            failure = new TimedOutException(timeout, "the answer to " + what + " from " + session.label());
            return finish();
        }
        return Poll.pending();
    }

    private Poll<T> finish() {
        done = true;
        if (timer != null) {
            timer.cancel();
        }
        waker = null;
        if (failure != null) {
            throw failure;
        }
        if (answer instanceof Answer.Nak nak) {
            session.countNak();
            throw new BoardNakException(session.label(), what, nak.reason(), nak.detail());
        }
        return Poll.ready(result.make(answer, sentNanos, answeredNanos));
    }

    /** The answer arrived (from the reader, on the executor thread). */
    void answered(Answer.Reply a) {
        answer = a;
        answeredNanos = session.arrivalNanos();
        wake();
    }

    /** A slot freed up: the request has id {@code id} now and sends at its next poll. */
    void admitted(int id) {
        reqId = id;
        wake();
    }

    /** The request cannot complete: not sent, or the board went away. */
    void failed(BoardException e) {
        if (failure == null && answer == null) {
            failure = e;
        }
        wake();
    }

    private void wake() {
        Waker w = waker;
        if (w != null) {
            w.wake();
        }
    }

    @Override
    public void cancel() {
        if (!done) {
            done = true;
            session.requests().remove(reqId, this);
            if (timer != null) {
                timer.cancel();
            }
            waker = null;
        }
    }

    @Override
    public String describe() {
        return what + (sent ? " (req " + reqId + ", awaiting answer)"
                : registered && reqId == RequestTable.QUEUED ? " (waiting for a slot: "
                + RequestTable.MAX_IN_FLIGHT + " commands in flight)" : " (not sent)");
    }

    String what() {
        return what;
    }
}
