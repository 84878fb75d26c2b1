package io.wakewire.e2e;

import io.wakewire.board.Board;
import io.wakewire.board.BoardOptions;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.sim.BuildArtifacts;
import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardOptions;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;

import java.time.Duration;

/**
 * One virtual board (the real firmware on vboard) and the options to reach it over the real jssc
 * link on its pty. Tests start one per board they need and close it at the end.
 */
final class VirtualRig implements AutoCloseable {

    final VirtualBoard vboard;
    final BoardConfig config;

    private VirtualRig(VirtualBoard vboard, BoardConfig config) {
        this.vboard = vboard;
        this.config = config;
    }

    static VirtualRig start(String board) {
        return start(board, VirtualBoardOptions.defaults());
    }

    static VirtualRig start(String board, VirtualBoardOptions options) {
        BuildArtifacts a = BuildArtifacts.locate();
        VirtualBoard vb = VirtualBoard.start(board, a.firmware(board), options);
        return new VirtualRig(vb, BoardConfig.load(board));
    }

    /** The board running its core-only firmware (built with MODULES=, no module). */
    static VirtualRig startCore(String board) {
        BuildArtifacts a = BuildArtifacts.locate();
        VirtualBoard vb = VirtualBoard.start(board, a.coreFirmware(board), VirtualBoardOptions.defaults());
        return new VirtualRig(vb, BoardConfig.load(board));
    }

    /** jssc on the pty, a 1 s heartbeat, 10 s to connect (four virtual boards starting at once on a loaded machine). */
    static BoardOptions options() {
        return BoardOptions.defaults().withConnectTimeout(Duration.ofSeconds(10)).withRequestTimeout(Duration.ofSeconds(1))
                .withHeartbeat(Duration.ofSeconds(1));
    }

    Future<Board> connect() {
        return Board.connect(config, vboard.port(), options());
    }

    Future<Board> connect(BoardOptions o) {
        return Board.connect(config, vboard.port(), o);
    }

    /** What a test does with its rig and the board connected to it, inside an async body. */
    @FunctionalInterface
    interface OnBoard {
        void run(VirtualRig rig, Board board) throws Exception;
    }

    /**
     * Connects to {@code rig}'s board on an executor of its own, runs {@code body}, and closes the
     * board (whatever the body did), the executor and the rig.
     */
    static void onBoard(VirtualRig rig, OnBoard body) {
        try (rig; Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = Async.await(rig.connect());
                try {
                    body.run(rig, b);
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    @Override
    public void close() {
        vboard.close();
    }
}
