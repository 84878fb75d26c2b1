package io.wakewire.pi;

import io.wakewire.pin.Level;

import com.pi4j.Pi4J;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;

/** Test helpers: a PiGpio over Pi4J's mock providers only, and driving a mock input. */
final class MockPi {

    private MockPi() {}

    /** Built explicitly with the mock providers, so Pi4J's auto-detection never picks a real plugin. */
    static PiGpio gpio() {
        return PiGpio.of(Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build());
    }

    static MockDigitalInput mock(PiInput in) {
        return (MockDigitalInput) in.digitalInput();
    }

    static void set(PiInput in, Level level) {
        mock(in).mockState(PiLevels.toPi4j(level));
    }
}
