package io.wakewire.e2e;

import io.wakewire.sim.BuildArtifacts;
import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardException;
import io.wakewire.sim.VirtualBoardOptions;
import io.wakewire.sim.VirtualBoardStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher of the native virtual board: start, commands and their errors, the end of the process. */
@Timeout(30)
class VirtualBoardTest {

    @Test
    void startsPrintsItsPtyAndAnswersCommands() {
        VirtualBoard vb = VirtualBoard.start("uno");
        try {
            assertTrue(Files.exists(Path.of(vb.port())), vb.port());
            assertTrue(vb.readyLine().contains("board=uno"), vb.readyLine());
            long m = vb.mark();
            vb.pulse("D2", Duration.ofMillis(1));
            assertTrue(vb.awaitLine(m, "DONE pulse D2", Duration.ofSeconds(3)).startsWith("DONE pulse D2"));
            VirtualBoardStats st = vb.stats();
            assertEquals(2, st.number("edges_driven"));
            assertTrue(st.number("cycles") > 0);
        } finally {
            vb.close();
        }
        assertFalse(vb.isAlive(), "close() ends the process");
    }

    @Test
    void aRefusedCommandIsAnExceptionWithVboardsWords() {
        try (VirtualBoard vb = VirtualBoard.start("uno")) {
            VirtualBoardException e = assertThrows(VirtualBoardException.class, () -> vb.set("D99", true));
            assertTrue(e.getMessage().contains("D99") && e.getMessage().contains("set D99 1"), e.getMessage());
            vb.set("D2", true); // the board keeps running after a refused command
            assertThrows(IllegalArgumentException.class, () -> vb.command("set D2 1\nquit"));
        }
    }

    @Test
    void killEndsTheProcessAndLaterCommandsSaySo() {
        VirtualBoard vb = VirtualBoard.start("uno");
        vb.kill();
        assertFalse(vb.isAlive());
        VirtualBoardException e = assertThrows(VirtualBoardException.class, () -> vb.set("D2", true));
        assertTrue(e.getMessage().contains("has exited"), e.getMessage());
        vb.close();
    }

    @Test
    void aMissingBinaryNamesTheMakeTarget() {
        String old = System.getProperty("wakewire.vboard");
        System.setProperty("wakewire.vboard", "/nonexistent/vboard");
        try {
            VirtualBoardException e = assertThrows(VirtualBoardException.class,
                    () -> VirtualBoard.start("uno", Path.of("x.elf"), VirtualBoardOptions.defaults()));
            assertTrue(e.getMessage().contains("make vboard"), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty("wakewire.vboard");
            } else {
                System.setProperty("wakewire.vboard", old);
            }
        }
        VirtualBoardException f = assertThrows(VirtualBoardException.class,
                () -> BuildArtifacts.locate().firmware("nosuchboard"));
        assertTrue(f.getMessage().contains("make firmware BOARD=nosuchboard"), f.getMessage());
    }
}
