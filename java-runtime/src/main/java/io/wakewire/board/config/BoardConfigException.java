package io.wakewire.board.config;

import java.util.List;

/**
 * A board config that cannot be used, with every problem found in it. Each problem names the file,
 * the line and the key ({@code board-configs/uno.conf:7: key 'baud': ...}); the message lists them
 * all, one a line, so a person fixes the file in one go instead of one error per run.
 */
public final class BoardConfigException extends RuntimeException {

    /** One thing wrong: where (file, line 0 when the problem is the file as a whole, key or null) and what. */
    public record Problem(String file, int line, String key, String message) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
            if (key != null) {
                sb.append("key '").append(key).append("': ");
            }
            return sb.append(message).toString();
        }
    }

    private final transient List<Problem> problems;

    public BoardConfigException(List<Problem> problems) {
        super(String.join("\n", problems.stream().map(Problem::toString).toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a BoardConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public BoardConfigException(String file, int line, String key, String message) {
        this(List.of(new Problem(file, line, key, message)));
    }

    /** Every problem, in file order (missing keys last). */
    public List<Problem> problems() {
        return problems;
    }
}
