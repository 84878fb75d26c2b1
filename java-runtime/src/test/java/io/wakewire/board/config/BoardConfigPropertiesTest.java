package io.wakewire.board.config;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a person does to a .conf file, loading it either works or fails with a
 * BoardConfigException whose every problem names the file: never another exception.
 */
class BoardConfigPropertiesTest {

    private static final String UNO = BoardConfigs.locate().load("uno").file();

    @Provide
    Arbitrary<List<String>> edits() {
        Arbitrary<String> tokens = Arbitraries.of("=", "#", " ", "in", "out", "pwm", "edge", "int0", "int7", "pcint1",
                "analog0", "analog99999999999", "2", "-1", "99999999999999999999", "pin.D2", "pin.", "baud", "1e950f",
                "x", "\t", "0x10", "", "kind", "pi", "avr");
        return tokens.list().ofMaxSize(6).map(t -> String.join(" ", t)).list().ofMaxSize(6);
    }

    @Property(tries = 400)
    void anyEditedFileLoadsOrFailsWithANamedProblem(@ForAll("edits") List<String> edits,
                                                     @ForAll List<@net.jqwik.api.constraints.IntRange(min = 0, max = 40) Integer> at) {
        List<String> lines = new ArrayList<>(List.of(uno().split("\n")));
        for (int i = 0; i < edits.size(); i++) {
            int where = at.isEmpty() ? i : at.get(i % at.size()) % (lines.size() + 1);
            if (i % 3 == 2 && where < lines.size()) {
                lines.remove(where);
            } else if (i % 3 == 1 && where < lines.size()) {
                lines.set(where, lines.get(where) + " " + edits.get(i));
            } else {
                lines.add(Math.min(where, lines.size()), edits.get(i));
            }
        }
        String text = String.join("\n", lines);
        try {
            BoardConfig c = BoardConfig.parse("board-configs/uno.conf", text);
            assertTrue(c.name().equals("uno"), "a file that loads is still the uno: " + c);
        } catch (BoardConfigException e) {
            assertFalse(e.problems().isEmpty());
            for (BoardConfigException.Problem p : e.problems()) {
                assertTrue(p.toString().startsWith("board-configs/uno.conf"), p.toString());
            }
        }
    }

    private static String uno() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(UNO));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
