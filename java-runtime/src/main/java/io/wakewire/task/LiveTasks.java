package io.wakewire.task;

/**
 * The tasks an executor has spawned and not yet finished, for {@code dump()} and
 * {@code close()}: an intrusive doubly-linked list through the tasks' own {@code livePrev} /
 * {@code liveNext} fields, so adding and removing cost a few field writes and no allocation.
 *
 * <p>Executor thread only. A reader on another thread may walk it racily (dump does): it never
 * crashes or loops, since removed tasks have their links cleared and no task is re-added, but it
 * may stop early or miss tasks that change meanwhile.
 */
final class LiveTasks {

    private Task<?> head;
    private int size;

    /** Whether {@code task} is in the list (no flag of its own: a task is kept to 64 bytes). */
    boolean contains(Task<?> task) {
        return task.livePrev != null || head == task;
    }

    void add(Task<?> task) {
        task.liveNext = head;
        task.livePrev = null;
        if (head != null) {
            head.livePrev = task;
        }
        head = task;
        size++;
    }

    void remove(Task<?> task) {
        if (!contains(task)) {
            return;
        }
        if (task.livePrev != null) {
            task.livePrev.liveNext = task.liveNext;
        } else {
            head = task.liveNext;
        }
        if (task.liveNext != null) {
            task.liveNext.livePrev = task.livePrev;
        }
        // Unlink both ways: a completed task kept alive by its handle must not retain others.
        task.livePrev = null;
        task.liveNext = null;
        size--;
    }

    /** Newest first; follow {@code liveNext}. */
    Task<?> first() {
        return head;
    }

    int size() {
        return size;
    }
}
