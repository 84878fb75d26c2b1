package io.wakewire.board.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The syntax of a .conf file (board-configs/README.md), nothing about what the keys mean: one
 * {@code key = value} a line, {@code #} to the end of a line is a comment, blank lines ignored, a
 * key appears once. Problems are added to a list so the reader can report them all at once.
 */
final class ConfFile {

    /** One {@code key = value} line, with its 1-based line number for messages. */
    record Entry(String key, String value, int line) {
    }

    private ConfFile() {
    }

    /** The entries of {@code text} in file order; syntax problems and duplicate keys go to {@code problems}. */
    static List<Entry> parse(String file, String text, List<BoardConfigException.Problem> problems) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                problems.add(new BoardConfigException.Problem(file, lineNo, null,
                        "'" + line + "' is not 'key = value'"));
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (key.isEmpty() || !key.matches("[A-Za-z0-9_.]+")) {
                problems.add(new BoardConfigException.Problem(file, lineNo, null,
                        "'" + key + "' is not a key (letters, digits, '_' and '.')"));
                continue;
            }
            Integer first = firstLine.putIfAbsent(key, lineNo);
            if (first != null) {
                problems.add(new BoardConfigException.Problem(file, lineNo, key,
                        "appears again (first on line " + first + "); a key appears once"));
                continue;
            }
            entries.add(new Entry(key, value, lineNo));
        }
        return entries;
    }
}
