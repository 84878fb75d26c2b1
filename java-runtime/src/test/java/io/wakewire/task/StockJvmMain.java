package io.wakewire.task;

import java.time.Duration;

/**
 * Run by {@link StockJvmFallbackTest} in a JVM started without any export flag: prints the
 * engine that {@link Async} chose and the result of a body that awaits a timer, a spawned task
 * and a yield.
 */
public final class StockJvmMain {

    private StockJvmMain() {
    }

    public static void main(String[] args) {
        try (Executor ex = Executor.create()) {
            int v = ex.blockOn(Async.async(() -> {
                Async.await(Futures.sleep(Duration.ofMillis(2)));
                int child = Async.await(Async.spawn("child", Futures.lazy(() -> 40)));
                Async.await(Futures.yieldNow());
                return child + 2;
            }));
            System.out.println(Async.engine().name() + " " + v);
        }
    }
}
