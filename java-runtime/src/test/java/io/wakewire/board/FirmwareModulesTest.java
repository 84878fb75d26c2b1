package io.wakewire.board;

import io.wakewire.task.Async;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Set;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Firmware modules as HELLO announces them: a call for one the board lacks fails before anything is sent. */
@Timeout(20)
class FirmwareModulesTest extends FakeBoardTest {

    @Test
    void anAnalogReadOnACoreOnlyBoardFailsBeforeAnythingIsSent() {
        fake.capabilities = 0x3F & ~(Answer.HelloInfo.CAP_ANALOG_READ | Answer.HelloInfo.CAP_PWM);
        ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            try {
                assertEquals(Set.of(), b.modules());
                long before = b.stats().framesSent();
                ModuleMissingException e = assertThrows(ModuleMissingException.class, () -> b.pin("A0").analogRead());
                assertEquals(FirmwareModule.ANALOG, e.module());
                String m = e.getMessage();
                assertFalse(m.contains("\n"), "one line: " + m);
                assertTrue(m.startsWith("uno@mem: A0.analogRead() needs the firmware module 'analog'"), m);
                assertTrue(m.contains("wakewire flash --board uno") && m.contains("make firmware BOARD=uno MODULES=\"analog"), m);
                assertEquals(before, b.stats().framesSent(), "nothing was sent");
                // a pin that is no analog input still says so first
                assertThrows(PinException.class, () -> b.pin("D2").analogRead());
            } finally {
                b.close();
            }
            return null;
        }));
        assertEquals(0, fake.count(Command.AnalogRead.class));
    }

    @Test
    void aBoardWithTheModuleAnswers() {
        fake.analogValues.put(1, 300);
        int raw = ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            try {
                assertEquals(Set.of(FirmwareModule.ANALOG, FirmwareModule.PWM), b.modules());
                return await(b.pin("A1").analogRead()).raw();
            } finally {
                b.close();
            }
        }));
        assertEquals(300, raw);
        assertEquals(1, fake.count(Command.AnalogRead.class));
    }

    @Test
    void aPwmWriteWithoutThePwmModuleFailsBeforeAnythingIsSent() {
        fake.capabilities = 0x3F & ~Answer.HelloInfo.CAP_PWM;
        ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            try {
                assertEquals(Set.of(FirmwareModule.ANALOG), b.modules());
                long before = b.stats().framesSent();
                ModuleMissingException e = assertThrows(ModuleMissingException.class, () -> b.pin("D9").pwm(0.5));
                assertEquals(FirmwareModule.PWM, e.module());
                String m = e.getMessage();
                assertFalse(m.contains("\n"), "one line: " + m);
                assertTrue(m.startsWith("uno@mem: D9.pwm() needs the firmware module 'pwm'"), m);
                assertTrue(m.contains("--modules pwm") && m.contains("make firmware BOARD=uno MODULES=\"pwm"), m);
                assertEquals(before, b.stats().framesSent(), "nothing was sent");
                // a pin without PWM still says so first
                assertThrows(PinException.class, () -> b.pin("D2").pwm(0.5));
            } finally {
                b.close();
            }
            return null;
        }));
        assertEquals(0, fake.count(Command.PwmWrite.class));
    }

    @Test
    void aBoardWithThePwmModuleTakesAPwmWrite() {
        ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            try {
                await(b.pin("D9").pwm(0.5));
            } finally {
                b.close();
            }
            return null;
        }));
        assertEquals(1, fake.count(Command.PwmWrite.class));
    }
}
