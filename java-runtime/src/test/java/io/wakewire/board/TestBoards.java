package io.wakewire.board;

import io.wakewire.link.InMemoryLinkPair;
import io.wakewire.task.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An Uno-shaped BoardSpec and quick options for unit tests. */
final class TestBoards {

    private TestBoards() {
    }

    static BoardSpec uno() {
        List<PinSpec> pins = new ArrayList<>();
        for (int d = 2; d <= 13; d++) {
            boolean pwm = d == 3 || d == 5 || d == 6 || d == 9 || d == 10 || d == 11;
            int source = d == 2 ? 0 : d == 3 ? 1 : d <= 7 ? 10 : 8;
            pins.add(new PinSpec("D" + d, d, true, true, pwm, true, -1, source));
        }
        for (int a = 0; a <= 5; a++) {
            pins.add(new PinSpec("A" + a, 14 + a, true, true, false, true, a, 9));
        }
        return new BoardSpec("uno", FakeBoard.UNO_SIGNATURE, 1_000_000, pins);
    }

    static BoardOptions fast(InMemoryLinkPair pair) {
        return BoardOptions.defaults().withLinks(FakeBoard.factoryOf(pair)).withConnectTimeout(Duration.ofSeconds(2))
                .withRequestTimeout(Duration.ofMillis(500)).withHeartbeat(Duration.ofMillis(400));
    }

    static Future<Board> connect(InMemoryLinkPair pair) {
        return Board.connect(uno(), "mem", fast(pair));
    }
}
