package io.wakewire.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link Futures#join} and {@link Futures#tryJoin}: every future's value, in order.
 *
 * <p>Each poll polls every unfinished child with the task's own context (so any child's wake
 * re-polls the whole join): O(children) per wake, no allocation per wake, which suits the
 * handful of branches a task typically joins. For thousands of independent children, spawn
 * tasks and join their handles instead.
 *
 * <ul>
 *   <li>join (failFast = false): waits for all; if any failed, fails at the end with the first
 *       failure (later ones attached as suppressed).</li>
 *   <li>tryJoin (failFast = true): at the first failure, cancels the unfinished children and
 *       fails with it.</li>
 * </ul>
 */
final class JoinAll<T> implements Future<List<T>> {

    private final Future<? extends T>[] children;
    private final Object[] values;
    private final boolean failFast;
    private int remaining;
    private Throwable failure;

    @SuppressWarnings("unchecked")
    JoinAll(List<? extends Future<? extends T>> futures, boolean failFast) {
        Future<?>[] array = futures.toArray(new Future<?>[0]);
        this.children = (Future<? extends T>[]) array;
        for (int i = 0; i < children.length; i++) {
            if (children[i] == null) {
                throw new IllegalArgumentException((failFast ? "tryJoin" : "join") + ": future #" + i + " is null");
            }
        }
        this.values = new Object[children.length];
        this.failFast = failFast;
        this.remaining = children.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Poll<List<T>> poll(Context cx) {
        for (int i = 0; i < children.length && remaining > 0; i++) {
            Future<? extends T> child = children[i];
            if (child == null) {
                continue;
            }
            try {
                Poll<? extends T> p = child.poll(cx);
                if (p.isPending()) {
                    continue;
                }
                values[i] = p.value();
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                } else if (failure != t) {
                    failure.addSuppressed(t);
                }
                if (failFast) {
                    children[i] = null;
                    remaining--;
                    cancel();
                    throw Sneaky.rethrow(t);
                }
            }
            children[i] = null;
            remaining--;
        }
        if (remaining > 0) {
            return Poll.pending();
        }
        if (failure != null) {
            throw Sneaky.rethrow(failure);
        }
        return Poll.ready((List<T>) new ArrayList<>(Arrays.asList(values)));
    }

    @Override
    public void cancel() {
        for (int i = 0; i < children.length; i++) {
            Future<? extends T> child = children[i];
            if (child != null) {
                children[i] = null;
                remaining--;
                child.cancel();
            }
        }
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(failFast ? "tryJoin(" : "join(");
        boolean first = true;
        for (Future<? extends T> child : children) {
            if (child != null) {
                b.append(first ? "" : ", ").append(child.describe());
                first = false;
            }
        }
        return b.append(')').toString();
    }
}
