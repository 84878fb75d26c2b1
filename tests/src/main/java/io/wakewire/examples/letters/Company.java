package io.wakewire.examples.letters;

import io.wakewire.task.Future;
import io.wakewire.task.Futures;

import java.time.Duration;
import java.util.Random;

/**
 * A simulated company: how long each of its replies takes and what it finally answers. The
 * behaviour is fixed when the company is made (from a seed), so a run can be repeated and a
 * test can work out the expected outcome without running anything.
 *
 * @param id          the company's number
 * @param replyDelays how long reply {@code i} takes after letter {@code i}; all but the last
 *                    reply ask for more information
 * @param answer      the last reply: an {@link Reply.Offer} or a {@link Reply.Rejection}
 */
public record Company(int id, Duration[] replyDelays, Reply answer) {

    public Company {
        if (replyDelays.length == 0) {
            throw new IllegalArgumentException("company " + id + " must reply at least once");
        }
        if (answer instanceof Reply.InfoRequest) {
            throw new IllegalArgumentException("company " + id + ": the final answer must be an offer or a rejection");
        }
    }

    /** The reply to letter number {@code round} (0 = the application), after its delay. */
    public Future<Reply> reply(int round) {
        Reply r = round < replyDelays.length - 1 ? new Reply.InfoRequest() : answer;
        return Futures.map(Futures.sleep(replyDelays[round]), ignored -> r);
    }

    /** Whether some reply is slower than {@code perReplyTimeout} (the company will be dropped). */
    public boolean tooSlowFor(Duration perReplyTimeout) {
        for (Duration d : replyDelays) {
            if (d.compareTo(perReplyTimeout) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The length of the whole correspondence if nobody gives up on it (stops at a too slow reply). */
    public Duration correspondenceTime(Duration perReplyTimeout) {
        Duration total = Duration.ZERO;
        for (Duration d : replyDelays) {
            if (d.compareTo(perReplyTimeout) >= 0) {
                return total.plus(perReplyTimeout);
            }
            total = total.plus(d);
        }
        return total;
    }

    /**
     * A company drawn from {@code rnd} under the market's rules: replies take
     * {@code minDelay..maxDelay}; each reply may be a request for more information (at most
     * {@code maxInfoRounds}); one company in {@code 1/slowOneIn} has one reply slower than the
     * per-reply timeout; the final answer is an offer of {@code minWage..maxWage} or a rejection.
     */
    public static Company random(int id, Random rnd, Market m) {
        int rounds = 0;
        while (rounds < m.maxInfoRounds() && rnd.nextDouble() < m.infoRequestChance()) {
            rounds++;
        }
        Duration[] delays = new Duration[rounds + 1];
        long span = m.maxDelay().toMillis() - m.minDelay().toMillis();
        for (int i = 0; i < delays.length; i++) {
            delays[i] = m.minDelay().plusMillis(span <= 0 ? 0 : rnd.nextLong(span + 1));
        }
        if (m.slowOneIn() > 0 && rnd.nextInt(m.slowOneIn()) == 0) {
            delays[rnd.nextInt(delays.length)] = m.perReplyTimeout().multipliedBy(2);
        }
        Reply answer = rnd.nextDouble() < m.rejectionChance()
                ? new Reply.Rejection()
                : new Reply.Offer(m.minWage() + rnd.nextInt(m.maxWage() - m.minWage() + 1));
        return new Company(id, delays, answer);
    }
}
