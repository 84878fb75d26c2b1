package io.wakewire.e2e;

import io.wakewire.board.Board;
import io.wakewire.board.BoardInfo;
import io.wakewire.board.FirmwareModule;
import io.wakewire.board.ModuleMissingException;
import io.wakewire.pin.Level;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Set;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real firmware built without modules (the core alone, `make firmware MODULES=`) on a virtual board. */
@Timeout(60)
class FirmwareModulesTest {

    @Test
    void theCoreAloneAnnouncesNoModuleAndTheHostRefusesAnAnalogReadOrPwmBeforeSendingIt() {
        try (VirtualRig rig = VirtualRig.startCore("uno"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    BoardInfo h = b.info();
                    assertFalse(h.has(BoardInfo.ANALOG_READ) || h.has(BoardInfo.PWM),
                            "capabilities " + h.capabilities());
                    assertTrue(h.has(BoardInfo.EDGE_EVENTS) && h.has(BoardInfo.DEBOUNCE),
                            "the core's own bits: " + h.capabilities());
                    assertEquals(Set.of(), b.modules());
                    long sent = b.stats().framesSent();
                    ModuleMissingException e = assertThrows(ModuleMissingException.class, () -> b.pin("A0").analogRead());
                    assertTrue(e.getMessage().contains("'analog'") && e.getMessage().contains("MODULES=\"analog"),
                            e.getMessage());
                    ModuleMissingException p = assertThrows(ModuleMissingException.class, () -> b.pin("D9").pwm(0.5));
                    assertTrue(p.getMessage().contains("'pwm'") && p.getMessage().contains("MODULES=\"pwm"), p.getMessage());
                    assertEquals(sent, b.stats().framesSent(), "nothing was sent");
                    await(b.pin("D9").write(Level.HIGH)); // the core's digital write still works
                    await(b.ping()); // the session goes on
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    @Test
    void theDefaultBuildHasEveryModule() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            Set<FirmwareModule> got = ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    return b.modules();
                } finally {
                    b.close();
                }
            }));
            assertEquals(Set.of(FirmwareModule.values()), got);
        }
    }
}
