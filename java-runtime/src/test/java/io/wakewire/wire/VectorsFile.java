package io.wakewire.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * tests/vectors/frames.txt, shared with the firmware's tests: found by walking up from the working
 * directory to the repository root (Maven runs tests from java-runtime/).
 */
final class VectorsFile {

    /** One {@code <hex> | <meaning>} line. */
    record Vector(int lineNumber, byte[] wire, String meaning) {
        boolean invalid() {
            return meaning.startsWith("INVALID ");
        }

        /** The meaning without its direction and without the board's {@code answer=} (not part of the frame). */
        String frameText() {
            return meaning.substring(4).replaceAll(" answer=\\S+", "");
        }

        String direction() {
            return meaning.substring(0, 3);
        }

        @Override
        public String toString() {
            return "frames.txt:" + lineNumber + " " + meaning;
        }
    }

    private VectorsFile() {
    }

    static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tests/vectors/frames.txt");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("tests/vectors/frames.txt not found above " + Path.of("").toAbsolutePath());
    }

    static List<Vector> read() {
        Path file = locate();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Vector> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int bar = line.indexOf(" | ");
            if (bar < 0) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": no ' | ' between hex and meaning");
            }
            out.add(new Vector(i + 1, HexFormat.ofDelimiter(" ").parseHex(line.substring(0, bar)),
                    line.substring(bar + 3).strip()));
        }
        return out;
    }
}
