package io.wakewire.board;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

/**
 * {@link Board#connect}: starts the session on the executor that polls it and completes when the
 * first handshake succeeds (or fails with the reason: no HELLO in time, a mismatch, a port that
 * would not open). Cancelling it closes the board.
 */
final class ConnectFuture implements Future<Board> {

    private final Board board;
    private boolean done;

    ConnectFuture(Board board) {
        this.board = board;
    }

    @Override
    public Poll<Board> poll(Context cx) {
        BoardSession s = board.session();
        if (cx.executor() == null) {
            throw new IllegalStateException("Board.connect must be awaited by a task of an io.wakewire.task.Executor");
        }
        s.start(cx.executor());
        if (s.pollConnected(cx.waker())) {
            done = true;
            return Poll.ready(board);
        }
        return Poll.pending();
    }

    @Override
    public void cancel() {
        if (!done) {
            board.close();
        }
    }

    @Override
    public String describe() {
        return "connect(" + board.session().label() + ")";
    }
}
