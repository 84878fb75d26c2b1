package io.wakewire.examples.letters;

import io.wakewire.task.Async;
import io.wakewire.task.Executor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code make example-letters N=10000 [X=99900] [SEED=1]}: runs the job search against N
 * simulated companies on one executor thread and prints the outcome, the counts and the wall
 * time next to the longest single correspondence and the sum of all of them.
 */
public final class LettersMain {

    private LettersMain() {}

    public static void main(String[] args) {
        int n = 10_000;
        int x = 99_900;
        long seed = 1;
        try {
            for (String a : args) {
                String[] kv = a.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("argument '" + a + "' is not NAME=VALUE");
                }
                switch (kv[0]) {
                    case "N" -> n = positive("N", kv[1]);
                    case "X" -> x = positive("X", kv[1]);
                    case "SEED" -> seed = Long.parseLong(kv[1]);
                    default -> throw new IllegalArgumentException("unknown argument '" + kv[0] + "' (expected N, X, SEED)");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("example-letters: " + e.getMessage());
            System.err.println("usage: make example-letters N=10000 [X=99900] [SEED=1]");
            System.exit(2);
            return;
        }

        Market market = Market.defaults(x);
        List<Company> companies = companies(n, seed, market);
        Duration longest = Duration.ZERO;
        Duration sum = Duration.ZERO;
        for (Company c : companies) {
            Duration d = c.correspondenceTime(market.perReplyTimeout());
            longest = d.compareTo(longest) > 0 ? d : longest;
            sum = sum.plus(d);
        }
        System.out.printf("letters: %,d companies, accept at once above %,d, per-reply timeout %d ms, deadline %d s, seed %d, async engine %s%n",
                n, x, market.perReplyTimeout().toMillis(), market.deadline().toSeconds(), seed, Async.engine().name());

        long start = System.nanoTime();
        SearchResult r;
        try (Executor ex = Executor.create()) {
            r = ex.blockOn(JobSearch.run(companies, market));
        }
        long wall = System.nanoTime() - start;

        System.out.println("outcome: " + r.describe());
        System.out.printf("counts: offers %,d, rejections %,d, dropped (too slow) %,d, cancelled %,d, answered after the decision %,d%n",
                r.offers(), r.rejections(), r.dropped(), r.cancelled(), r.unread());
        System.out.printf("time: wall %.3f s; longest single correspondence %.3f s; sum of all correspondences %,.0f s%n",
                wall / 1e9, longest.toNanos() / 1e9, sum.toNanos() / 1e9);
    }

    /** The same companies for the same seed. */
    public static List<Company> companies(int n, long seed, Market market) {
        Random rnd = new Random(seed);
        List<Company> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(Company.random(i, rnd, market));
        }
        return list;
    }

    private static int positive(String name, String value) {
        try {
            int v = Integer.parseInt(value);
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a positive whole number");
        }
    }
}
