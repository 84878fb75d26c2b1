package io.wakewire.examples.letters;

import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The letters example, small (200 seeded companies) and in virtual time, so the outcome logic
 * is checked exactly against what the companies' scripts say: not the wall time.
 */
class JobSearchTest {

    private static final int N = 200;
    private static final long SEED = 7;
    /** Timer ticks round each sleep up; a correspondence has at most 3 replies. */
    private static final Duration SLACK = Duration.ofMillis(10);

    private final Market market = Market.defaults(Integer.MAX_VALUE);
    private final List<Company> companies = LettersMain.companies(N, SEED, market);

    @Test
    void withoutAnOfferAboveTheThresholdTheBestOfAllWinsAndNothingIsCancelled() {
        SearchResult r = run(companies, market);
        List<Company> answered = companies.stream().filter(c -> !c.tooSlowFor(market.perReplyTimeout())).toList();
        int best = answered.stream().mapToInt(JobSearchTest::wage).max().orElseThrow();

        assertEquals(SearchResult.Ending.BEST_OFFER, r.ending());
        assertEquals(best, r.wage());
        assertEquals(best, wage(r.chosen()));
        assertEquals(answered.stream().filter(c -> c.answer() instanceof Reply.Offer).count(), r.offers());
        assertEquals(answered.stream().filter(c -> c.answer() instanceof Reply.Rejection).count(), r.rejections());
        assertEquals(N - answered.size(), r.dropped());
        assertEquals(0, r.cancelled());
        assertEquals(0, r.unread());
    }

    @Test
    void aCompanyTooSlowForOneReplyIsDroppedEvenWithTheBestOffer() {
        Duration t = market.perReplyTimeout();
        List<Company> withSlowStar = new ArrayList<>(companies);
        withSlowStar.add(new Company(N, new Duration[] {Duration.ofMillis(100), t.multipliedBy(2)}, new Reply.Offer(1_000_000)));

        SearchResult r = run(withSlowStar, market);

        assertNotEquals(N, r.chosen().id(), "the too-slow company must not win");
        assertTrue(r.wage() < 1_000_000);
        long slow = withSlowStar.stream().filter(c -> c.tooSlowFor(t)).count();
        assertTrue(slow >= 2, "the seeded market has slow companies too");
        assertEquals(slow, r.dropped());
    }

    @Test
    void anOfferAboveTheThresholdIsTakenAtOnceAndEveryOtherCorrespondenceIsCancelled() {
        int x = 97_000;
        Market m = market.withAcceptAbove(x);
        Duration t = m.perReplyTimeout();
        Company firstAbove = companies.stream()
                .filter(c -> !c.tooSlowFor(t) && wage(c) > x)
                .min(Comparator.comparing(c -> c.correspondenceTime(t)))
                .orElseThrow();

        VirtualClock vc = new VirtualClock();
        try (Executor ex = Executor.builder().clock(vc).parker(vc).build()) {
            SearchResult r = ex.blockOn(JobSearch.run(companies, m));

            assertEquals(SearchResult.Ending.ACCEPTED_ABOVE_THRESHOLD, r.ending());
            assertTrue(r.wage() > x);
            assertTrue(r.chosen().correspondenceTime(t).compareTo(firstAbove.correspondenceTime(t).plus(SLACK)) <= 0,
                    "accepted #" + r.chosen().id() + " but #" + firstAbove.id() + " answered above " + x + " earlier");
            assertTrue(r.cancelled() > 0, "the other correspondences must have been cancelled");
            assertEquals(N, r.offers() + r.rejections() + r.dropped() + r.cancelled() + r.unread());
            long finishedLater = companies.stream()
                    .filter(c -> c.correspondenceTime(t).compareTo(r.chosen().correspondenceTime(t).plus(SLACK)) > 0)
                    .count();
            assertTrue(r.cancelled() >= finishedLater, "every correspondence still running was cancelled");

            ex.blockOn(Futures.yieldNow());  // the scope's cancellations take effect on the next turn
            assertEquals(0, ex.liveTasks(), "no correspondence may go on after the decision:\n" + ex.dump());
        }
    }

    @Test
    void theOverallDeadlineEndsTheSearchWithTheBestOfferSoFar() {
        Duration deadline = Duration.ofMillis(333);
        Market m = market.withDeadline(deadline);
        Duration t = m.perReplyTimeout();

        SearchResult r = run(companies, m);

        assertEquals(SearchResult.Ending.DEADLINE, r.ending());
        int bestInTime = companies.stream()
                .filter(c -> c.correspondenceTime(t).compareTo(deadline.minus(SLACK)) < 0 && !c.tooSlowFor(t))
                .mapToInt(JobSearchTest::wage).max().orElseThrow();
        assertTrue(r.wage() >= bestInTime, "missed an offer that came in well before the deadline");
        assertTrue(r.chosen().correspondenceTime(t).compareTo(deadline.plus(SLACK)) <= 0,
                "took an offer that came after the deadline");
        long stillRunning = companies.stream().filter(c -> c.correspondenceTime(t).compareTo(deadline.plus(SLACK)) > 0).count();
        assertTrue(r.cancelled() >= stillRunning);
    }

    private static SearchResult run(List<Company> companies, Market market) {
        VirtualClock vc = new VirtualClock();
        try (Executor ex = Executor.builder().clock(vc).parker(vc).build()) {
            return ex.blockOn(JobSearch.run(companies, market));
        }
    }

    private static int wage(Company c) {
        return c.answer() instanceof Reply.Offer o ? o.wage() : -1;
    }
}
