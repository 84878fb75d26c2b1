package io.wakewire.e2e;

import io.wakewire.board.Board;
import io.wakewire.board.BoardMessage;
import io.wakewire.board.BoardNakException;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.board.MessageStream;
import io.wakewire.board.ModuleMissingException;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.sim.BuildArtifacts;
import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardOptions;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tasks written in C on the board (avr-firmware/examples/, built with APP=) talking to Java tasks by
 * MSG frames, on a virtual board: the reaction timer's result, the race's round started by the host,
 * and a send to a firmware without an app refused before anything goes out.
 */
@Timeout(90)
class AppMessagesTest {

    private static VirtualBoard startApp(String app) {
        BuildArtifacts a = BuildArtifacts.locate();
        Path elf = a.root().resolve("build/uno-app-" + app + "/wakewire.elf");
        assertTrue(Files.isRegularFile(elf), elf + " is missing: make firmware-variants builds it");
        return VirtualBoard.start("uno", elf, VirtualBoardOptions.defaults());
    }

    private static Board connect(VirtualBoard vb) {
        return await(Board.connect(BoardConfig.load("uno"), vb.port(), VirtualRig.options()));
    }

    /** The reaction timer: the host watches the LED (D13) and presses the button (D2); the board task's
     * result in us must be what the two edges' board ticks say (both stamped by the same edge ISR). */
    @Test
    void theReactionTimersResultIsTheTimeBetweenTheLedAndThePressOnTheBoardsClock() {
        try (VirtualBoard vb = startApp("reaction"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = connect(vb);
                try {
                    assertTrue((b.info().capabilities() & 1 << 9) != 0, "HELLO capability bit 9 (app): " + b.info().capabilities());
                    vb.set("D2", true); // released
                    MessageStream results = b.messages(1);
                    // round 1: nobody presses: the task's 2 s timeout wins
                    BoardMessage timeout = await(Futures.timeout(results.next(), Duration.ofSeconds(10)));
                    assertEquals(0xFFFFFFFFL, timeout.u32(), timeout.toString());
                    assertEquals(0, timeout.lostBefore());
                    // round 2: press after the LED lights
                    // both armed now (a stream subscribes at its first poll): spawned, not awaited yet
                    var lit0 = Async.spawn("led", b.pin("D13").nextEdge(EdgeFilter.RISING));
                    var pressed0 = Async.spawn("button", b.pin("D2").nextEdge(EdgeFilter.FALLING));
                    Edge lit = await(Futures.timeout(lit0, Duration.ofSeconds(10)));
                    await(Futures.sleep(Duration.ofMillis(150)));
                    vb.set("D2", false);
                    Edge pressed = await(Futures.timeout(pressed0, Duration.ofSeconds(5)));
                    vb.set("D2", true);
                    BoardMessage r = await(Futures.timeout(results.next(), Duration.ofSeconds(5)));
                    long us = r.u32(), want = (pressed.boardTicks().getAsLong() - lit.boardTicks().getAsLong()) * 4;
                    assertTrue(Math.abs(us - want) <= 8, "the board task measured " + us + " us, its edges say " + want);
                    assertTrue(us < 2_000_000, us + " us");
                    assertEquals(0, r.lostBefore());
                    assertEquals(0, b.stats().seqGapFrames(), "no frame missing");
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    /** The race: the host starts each round with a MSG; nobody presses, so the 500 ms deadline wins
     * (index 3) with every button's wait cancelled; a press of D3 wins the next round. */
    @Test
    void theHostStartsARaceRoundAndTheBoardAnswersWithTheWinner() {
        try (VirtualBoard vb = startApp("race"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = connect(vb);
                try {
                    for (String p : new String[] {"D2", "D3", "D4"}) {
                        vb.set(p, true);
                    }
                    MessageStream answers = b.messages(2);
                    await(b.send(2, new byte[0]));
                    BoardMessage m = await(Futures.timeout(answers.next(), Duration.ofSeconds(5)));
                    assertArrayEquals(new byte[] {3, 0, 0, 0, 0, 0}, m.data(), m.toString());
                    await(b.send(2, new byte[0]));
                    await(Futures.sleep(Duration.ofMillis(50)));
                    vb.set("D3", false);
                    m = await(Futures.timeout(answers.next(), Duration.ofSeconds(5)));
                    vb.set("D3", true);
                    assertEquals(1, m.data()[0], m.toString()); // D3 won ...
                    assertEquals(0, m.data()[1], m.toString()); // ... and no wait is left armed
                    // the board holds at most WW_MSG_MAX (8) bytes: a longer message is NAKed bad_length
                    BoardNakException nak = assertThrows(BoardNakException.class, () -> await(b.send(9, new byte[9])));
                    assertTrue(nak.getMessage().contains("length"), nak.getMessage());
                    assertThrows(IllegalArgumentException.class, () -> b.send(256, new byte[0]));
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    @Test
    void aSendToAFirmwareWithoutAnAppFailsBeforeAnythingIsSent() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    long sent = b.stats().framesSent();
                    ModuleMissingException e = assertThrows(ModuleMissingException.class, () -> b.send(1, new byte[] {1}));
                    assertTrue(e.getMessage().contains("APP="), e.getMessage());
                    assertEquals(sent, b.stats().framesSent(), "nothing was sent");
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }
}
