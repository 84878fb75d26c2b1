package io.wakewire.cli;

import io.wakewire.board.BoardDisconnectedException;
import io.wakewire.board.BoardException;
import io.wakewire.board.BoardMismatchException;
import io.wakewire.board.PinException;
import io.wakewire.board.config.BoardConfigException;
import io.wakewire.link.PortOpenException;
import io.wakewire.sim.VirtualBoardException;
import io.wakewire.task.TaskFailedException;
import io.wakewire.task.TimedOutException;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each kind of failure the runtime throws ends as the documented exit code and a one-line message. */
class FailuresTest {

    @Test
    void aPortProblemInsideADisconnectIsAPortError() {
        PortOpenException busy = new PortOpenException("/dev/ttyACM0", PortOpenException.Problem.BUSY,
                "port /dev/ttyACM0 is busy", null);
        var v = Failures.classify(new BoardDisconnectedException("uno@/dev/ttyACM0",
                BoardException.Reason.PORT_UNAVAILABLE, "cannot open", busy));
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
        var timeout = new TimedOutException(Duration.ofMillis(1000), "the answer to PING from uno@/dev/pts/3");
        var v = Failures.classify(new TaskFailedException("wakewire", timeout));
        assertEquals(new Failures.Verdict(ExitCode.NO_ANSWER,
                "timed out after 1000 ms waiting for the answer to PING from uno@/dev/pts/3"), v);
    }

    @Test
    void boardFailuresAreClassifiedByTheirReasonNotTheirWords() {
        // the words "no HELLO" in a message that is not about the handshake do not make it one
        var silent = new BoardDisconnectedException("uno@/dev/pts/3", BoardException.Reason.SILENT,
                "no HELLO-like words matter here", null);
        assertEquals(ExitCode.FAILURE, Failures.classify(silent).exitCode());
        var noHello = new BoardDisconnectedException("uno@/dev/pts/3", BoardException.Reason.NO_HELLO,
                "nothing answered within 2000 ms", null);
        assertEquals(ExitCode.NO_ANSWER, Failures.classify(new TaskFailedException("wakewire", noHello)).exitCode());
        assertEquals(new Failures.Verdict(ExitCode.USAGE, "uno@/dev/pts/3: no pin named 'D99'"),
                Failures.classify(new PinException("uno@/dev/pts/3", "no pin named 'D99'")));
        assertEquals(ExitCode.FAILURE, Failures.classify(new BoardMismatchException("uno@/dev/pts/3", "wrong MCU")).exitCode());
        for (BoardException.Reason r : BoardException.Reason.values()) {
            int code = Failures.exitCode(r);
            int expected = switch (r) {
                case BAD_PIN -> ExitCode.USAGE;
                case NO_HELLO -> ExitCode.NO_ANSWER;
                case PORT_UNAVAILABLE -> ExitCode.PORT;
                default -> ExitCode.FAILURE;
            };
            assertEquals(expected, code, r.name());
        }
    }

    @Test
    void onlyDisconnectReasonsMakeADisconnect() {
        assertThrows(IllegalArgumentException.class, () -> new BoardDisconnectedException("uno@x",
                BoardException.Reason.REFUSED, "refused is not a disconnect", null));
    }

    @Test
    void aVirtualBoardThatIsNotBuiltIsAMissingTool() {
        var v = Failures.classify(VirtualBoardException.missing("the virtual board binary build/vboard/vboard is missing"
                + " or not executable; build it with `make vboard`", null));
        assertEquals(ExitCode.MISSING_TOOL, v.exitCode());
        // by type, not by words: the same words in another failure are not a missing tool
        assertEquals(ExitCode.FAILURE, Failures.classify(new VirtualBoardException("the pin D2 is missing")).exitCode());
    }

    @Test
    void anythingUnexpectedIsReportedAsOursWithoutATrace() {
        var v = Failures.classify(new IllegalStateException("oops"));
        assertEquals(new Failures.Verdict(ExitCode.FAILURE, "internal error (please report): java.lang.IllegalStateException: oops"), v);
    }
}
