package io.wakewire.cli;

import io.wakewire.board.BoardDisconnectedException;
import io.wakewire.board.BoardTimeoutException;
import io.wakewire.board.config.BoardConfigException;
import io.wakewire.link.PortOpenException;
import io.wakewire.sim.VirtualBoardException;
import io.wakewire.task.TaskFailedException;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each kind of failure the runtime throws ends as the documented exit code and a one-line message. */
class FailuresTest {

    @Test
    void aPortProblemInsideADisconnectIsAPortError() {
        PortOpenException busy = new PortOpenException("/dev/ttyACM0", PortOpenException.Problem.BUSY,
                "port /dev/ttyACM0 is busy", null);
        var v = Failures.classify(new BoardDisconnectedException("uno@/dev/ttyACM0", "cannot open", busy));
        assertEquals(new Failures.Verdict(ExitCode.PORT, "port /dev/ttyACM0 is busy"), v);
    }

    @Test
    void aBoardConfigWithSeveralProblemsIsOneUsageLine() {
        var e = new BoardConfigException(List.of(new BoardConfigException.Problem("uno.conf", 3, "baud", "not a number"),
                new BoardConfigException.Problem("uno.conf", 7, "mcu", "unknown")));
        var v = Failures.classify(e);
        assertEquals(ExitCode.USAGE, v.exitCode());
        assertEquals("uno.conf:3: key 'baud': not a number; uno.conf:7: key 'mcu': unknown", v.message());
    }

    @Test
    void timeoutsAreNoAnswerEvenWhenATaskCarriesThem() {
        var timeout = new BoardTimeoutException("uno@/dev/pts/3", "PING", Duration.ofMillis(1000));
        var v = Failures.classify(new TaskFailedException("wakewire", timeout));
        assertEquals(new Failures.Verdict(ExitCode.NO_ANSWER, "uno@/dev/pts/3: PING: no answer within 1000 ms"), v);
    }

    @Test
    void aVirtualBoardThatIsNotBuiltIsAMissingTool() {
        var v = Failures.classify(new VirtualBoardException("the virtual board binary build/vboard/vboard is missing"
                + " or not executable; build it with `make vboard`"));
        assertEquals(ExitCode.MISSING_TOOL, v.exitCode());
    }

    @Test
    void anythingUnexpectedIsReportedAsOursWithoutATrace() {
        var v = Failures.classify(new IllegalStateException("oops"));
        assertEquals(new Failures.Verdict(ExitCode.FAILURE, "internal error (please report): java.lang.IllegalStateException: oops"), v);
    }
}
