package io.wakewire.task;

/**
 * The cooperative budget, for leaf futures that can be ready many times in a row.
 *
 * <p>The executor gives each poll a budget (128 units by default). A leaf future that is about
 * to return Ready without having waited (a receive from a non-empty channel, an acquire of a free
 * permit) first calls {@link #proceed}: while budget remains it spends one unit and returns true;
 * once spent it wakes the task and returns false, and the future must return
 * {@link Poll#pending()} (without consuming anything). The task then yields to the others and is
 * polled again on the executor's next turn. This is what stops
 * {@code while (true) await(rx.recv())} on a busy channel from starving every other task — the
 * same scheme as tokio's {@code coop}.
 *
 * <p>Cost: a field decrement on the executor; futures polled outside an executor (a hand-made
 * Context with no executor) always proceed.
 */
public final class Coop {

    private Coop() {
    }

    /** Spend one unit of the polling task's budget; false means "return Pending now". */
    public static boolean proceed(Context cx) {
        Executor ex = cx.executor();
        return ex == null || ex.consumeBudget(cx.waker());
    }
}
