package io.wakewire.examples.letters;

import io.wakewire.sync.Channel;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.Scope;
import io.wakewire.task.TimedOutException;

import java.time.Duration;
import java.util.List;

import static io.wakewire.task.Async.async;
import static io.wakewire.task.Async.await;
import static io.wakewire.task.Async.context;

/**
 * The seed's example: write to every company at once, and read the answers as they come.
 *
 * <p>Every correspondence is its own task in a {@link Scope}; each reports its outcome through
 * a {@link Channel}. The search reads outcomes until one offer exceeds the threshold (taken at
 * once), or all have answered (the best is taken), or the deadline passes (the best so far).
 * Leaving the scope cancels whatever is still running. While a letter is in the mail its task
 * is a parked continuation and a timer: thousands of correspondences overlap, so the whole
 * search takes about as long as the longest one, not the sum.
 */
public final class JobSearch {

    private JobSearch() {}

    public static Future<SearchResult> run(List<Company> companies, Market market) {
        return async(() -> {
            Executor ex = context().executor();
            long deadline = ex.nanoTime() + market.deadline().toNanos();
            int n = companies.size();
            Channel<Outcome> outcomes = new Channel<>("outcomes", Math.max(1, n));
            int offers = 0;
            int rejections = 0;
            int dropped = 0;
            Outcome best = null;
            SearchResult.Ending ending = null;
            int cancelled;
            try (Scope scope = Scope.open(context())) {
                for (Company c : companies) {
                    scope.spawn("letters-" + c.id(),
                            Futures.andThen(Correspondence.with(c, market.perReplyTimeout()), outcomes::send));
                }
                while (ending == null) {
                    if (offers + rejections + dropped == n) {
                        ending = best == null ? SearchResult.Ending.NO_OFFER : SearchResult.Ending.BEST_OFFER;
                        break;
                    }
                    long left = deadline - ex.nanoTime();
                    Outcome o;
                    try {
                        o = left <= 0 ? null : await(Futures.timeout(outcomes.receive(), Duration.ofNanos(left)));
                    } catch (TimedOutException deadlinePassed) {
                        o = null;
                    }
                    if (o == null) {
                        ending = SearchResult.Ending.DEADLINE;
                        break;
                    }
                    switch (o.kind()) {
                        case OFFER -> {
                            offers++;
                            if (best == null || o.wage() > best.wage()) {
                                best = o;
                            }
                            if (o.wage() > market.acceptAbove()) {
                                best = o;
                                ending = SearchResult.Ending.ACCEPTED_ABOVE_THRESHOLD;
                            }
                        }
                        case REJECTION -> rejections++;
                        case DROPPED -> dropped++;
                    }
                }
                cancelled = scope.running();
            } // closing the scope cancels every correspondence still running
            int unread = n - offers - rejections - dropped - cancelled;  // finished, but after the decision
            return new SearchResult(ending, best == null ? null : best.company(), best == null ? 0 : best.wage(),
                    offers, rejections, dropped, cancelled, unread);
        });
    }
}
