package io.wakewire.examples.letters;

import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;

import java.time.Duration;

import static io.wakewire.task.Async.async;
import static io.wakewire.task.Async.await;

/** The letters exchanged with one company, written top to bottom. */
public final class Correspondence {

    private Correspondence() {}

    /**
     * Apply, answer requests for more information, and report the final answer; a reply slower
     * than {@code perReplyTimeout} drops the company. Cancelling the future stops the
     * correspondence where it is (the pending reply's timer is cancelled with it).
     */
    public static Future<Outcome> with(Company company, Duration perReplyTimeout) {
        return async(() -> {
            int round = 0;
            while (true) {
                Reply reply;
                try {
                    reply = await(Futures.timeout(company.reply(round), perReplyTimeout));
                } catch (TimedOutException tooSlow) {
                    return Outcome.dropped(company);
                }
                if (!(reply instanceof Reply.InfoRequest)) {
                    return Outcome.of(company, reply);
                }
                round++;  // send the information asked for: the next letter
            }
        });
    }
}
