package io.wakewire.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** avrdude 7.1's words for the usual failures, as captured on this machine, condensed into one line each. */
class AvrdudeDiagnosisTest {

    private final AvrdudeInvocation run = new AvrdudeInvocation("avrdude", "arduino", "m328p", "/dev/ttyACM0", 115200,
            Path.of("/x/wakewire.hex"));

    private CliException diagnose(int status, boolean timedOut, String... lines) {
        return AvrdudeDiagnosis.diagnose(List.of(lines), status, timedOut, run, "2 min");
    }

    @Test
    void notInSyncIsABoardThatDoesNotAnswer() {
        CliException e = diagnose(1, false, "avrdude error: programmer is not responding",
                "avrdude warning: attempt 10 of 10: not in sync: resp=0x00",
                "avrdude error: unable to open programmer arduino on port /dev/ttyACM0", "", "avrdude done.  Thank you.");
        assertEquals(ExitCode.NO_ANSWER, e.exitCode());
        assertTrue(e.getMessage().startsWith("the board on /dev/ttyACM0 does not answer its bootloader"), e.getMessage());
    }

    @Test
    void aMissingPortIsAPortProblem() {
        CliException e = diagnose(1, false, "avrdude OS error: cannot open port /dev/ttyACM0: No such file or directory");
        assertEquals(ExitCode.PORT, e.exitCode());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void busyAndPermissionAreNamed() {
        assertEquals(ExitCode.PORT, diagnose(1, false,
                "avrdude OS error: cannot open port /dev/ttyACM0: Device or resource busy").exitCode());
        CliException perm = diagnose(1, false, "avrdude OS error: cannot open port /dev/ttyACM0: Permission denied");
        assertEquals(ExitCode.PORT, perm.exitCode());
        assertTrue(perm.getMessage().contains("dialout"), perm.getMessage());
    }

    @Test
    void aVerifyMismatchIsAFailure() {
        CliException e = diagnose(1, false, "Reading | ################################################## | 100% 0.50s",
                "avrdude error: verification mismatch, first mismatch at byte 0x0042");
        assertEquals(ExitCode.FAILURE, e.exitCode());
        assertTrue(e.getMessage().startsWith("the flash did not verify"), e.getMessage());
    }

    @Test
    void silenceUntilTheTimeoutIsNoAnswer() {
        CliException e = diagnose(-1, true);
        assertEquals(ExitCode.NO_ANSWER, e.exitCode());
        assertTrue(e.getMessage().contains("nothing within 2 min"), e.getMessage());
    }

    @Test
    void anythingElseQuotesAvrdudesLastError() {
        CliException e = diagnose(1, false, "avrdude: something odd", "avrdude error: part m328p is unknown", "",
                "avrdude done.  Thank you.");
        assertEquals(ExitCode.FAILURE, e.exitCode());
        assertEquals("avrdude failed (exit status 1): avrdude error: part m328p is unknown", e.getMessage());
    }
}
