package io.wakewire.cli;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationConverterTest {

    @Test
    void readsTheUnitsPeopleType() {
        assertEquals(Duration.ofMillis(500), DurationConverter.parse("500ms"));
        assertEquals(Duration.ofSeconds(5), DurationConverter.parse("5s"));
        assertEquals(Duration.ofSeconds(5), DurationConverter.parse("5"));
        assertEquals(Duration.ofMillis(1500), DurationConverter.parse("1.5s"));
        assertEquals(Duration.ofMinutes(2), DurationConverter.parse("2m"));
        assertEquals(Duration.ofNanos(100_000), DurationConverter.parse("100us"));
        assertEquals(Duration.ofHours(1), DurationConverter.parse(" 1H "));
    }

    @Test
    void refusesZeroNegativeAndNonsense() {
        for (String bad : new String[] {"0", "0ms", "-1s", "5x", "", "s", "1e3"}) {
            assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse(bad), bad);
        }
    }

    @Test
    void formatsForSummaries() {
        assertEquals("1.5 s", DurationConverter.format(Duration.ofMillis(1500)));
        assertEquals("250 ms", DurationConverter.format(Duration.ofMillis(250)));
        assertEquals("80 µs", DurationConverter.format(Duration.ofNanos(80_000)));
        assertEquals("120 s", DurationConverter.format(Duration.ofMinutes(2)));
    }
}
