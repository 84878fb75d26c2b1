package io.wakewire.task;

/**
 * A hierarchical timing wheel: 6 levels of 64 slots, each level's slot spanning 64 times the
 * one below (level 0: one tick per slot). Insert and cancel are O(1) whatever the number of
 * timers (a few bit operations and a linked-list splice); finding the next deadline is O(levels)
 * using one 64-bit occupancy mask per level. A timer far in the future sits in a coarse slot
 * and is moved ("cascaded") to finer levels as time approaches it, at most once per level.
 *
 * <p>Trade-offs, stated plainly:
 * <ul>
 *   <li><b>Tick length vs accuracy.</b> Deadlines are rounded <em>up</em> to a whole tick, so a
 *       timer fires between 0 and 1 tick late (plus the parker's own wake-up latency), never
 *       early. A shorter tick is more accurate but makes the executor wake more often for
 *       crowded deadlines and shortens the wheel's span. The executor's default is 1 ms.</li>
 *   <li><b>Wheel size vs memory.</b> 6 × 64 slot heads (about 1.5 KB) cover 64^6 ticks = 2^36
 *       ticks (about 2.2 years at 1 ms). Deadlines beyond that are parked in the top level and
 *       re-inserted when reached (correct, merely an extra cascade). Each timer costs only the
 *       fields of {@link TimerNode} inside its own future or task (20 bytes).</li>
 *   <li>Cascading makes an individual expiry cost O(levels) in the worst case; it is amortised
 *       over the timer's life.</li>
 * </ul>
 *
 * <p>Not thread-safe: the executor thread owns it.
 */
final class TimerWheel {

    static final int LEVELS = 6;
    static final int SLOT_BITS = 6;
    static final int SLOTS = 1 << SLOT_BITS;
    private static final long SLOT_MASK = SLOTS - 1;
    /** Ticks covered by the whole wheel. */
    static final long SPAN = 1L << (LEVELS * SLOT_BITS);

    private final TimerNode[] heads = new TimerNode[LEVELS * SLOTS];
    private final long[] occupied = new long[LEVELS];
    /** Every tick up to and including this one has been processed. */
    private long elapsed;
    private int size;

    TimerWheel(long startTick) {
        this.elapsed = startTick;
    }

    long elapsed() {
        return elapsed;
    }

    int size() {
        return size;
    }

    /**
     * Insert {@code node} due at {@code deadlineTick}. Returns false (and inserts nothing) if the
     * deadline has already been reached: the caller treats the timer as expired.
     */
    boolean insert(TimerNode node, long deadlineTick) {
        if (node.isScheduled()) {
            throw new IllegalStateException("timer inserted twice");
        }
        if (deadlineTick <= elapsed) {
            return false;
        }
        node.deadlineTick = deadlineTick;
        link(node);
        size++;
        return true;
    }

    /** Remove a scheduled node (O(1)); a node that is not scheduled is ignored. */
    void remove(TimerNode node) {
        if (!node.isScheduled()) {
            return;
        }
        unlink(node);
        size--;
    }

    /**
     * The first tick at which some slot must be processed, or {@link Long#MAX_VALUE} if empty.
     * It can be earlier than every timer's own deadline (a coarse slot's start, where its
     * timers cascade down); waking then is cheap and harmless.
     */
    long nextExpirationTick() {
        for (int level = 0; level < LEVELS; level++) {
            if (occupied[level] != 0) {
                return slotDeadline(level, nextSlot(level));
            }
        }
        return Long.MAX_VALUE;
    }

    /** Process every slot due by {@code nowTick}, expiring due timers, then set elapsed = now. */
    void advance(long nowTick) {
        while (true) {
            int level = lowestOccupiedLevel();
            if (level < 0) {
                break;
            }
            int slot = nextSlot(level);
            long deadline = slotDeadline(level, slot);
            if (deadline > nowTick) {
                break;
            }
            elapsed = deadline;
            TimerNode n = takeSlot(level * SLOTS + slot);
            occupied[level] &= ~(1L << slot);
            while (n != null) {
                TimerNode following = n.next;
                n.prev = null;
                n.next = null;
                n.slotIndex = TimerNode.NOT_SCHEDULED;
                if (n.deadlineTick <= elapsed) {
                    size--;
                    n.expire();
                } else {
                    link(n); // cascade to a finer level, relative to the new elapsed
                }
                n = following;
            }
        }
        if (nowTick > elapsed) {
            elapsed = nowTick;
        }
    }

    private int lowestOccupiedLevel() {
        for (int level = 0; level < LEVELS; level++) {
            if (occupied[level] != 0) {
                return level;
            }
        }
        return -1;
    }

    /**
     * The first occupied slot of {@code level} after the current position, wrapping, so the slot at
     * the current position itself comes last: a timer linked relative to {@code elapsed} always
     * lands after it, and the only timers found there are far ones clamped into the top level,
     * which belong to the wheel's next turn. (Searching from the current position put such a timer
     * ahead of a nearer one in a later slot, and the executor would have slept past the nearer.)
     */
    private int nextSlot(int level) {
        int from = (int) ((elapsed >>> (level * SLOT_BITS)) & SLOT_MASK) + 1;
        long rotated = Long.rotateRight(occupied[level], from);
        return (Long.numberOfTrailingZeros(rotated) + from) & (int) SLOT_MASK;
    }

    private long slotDeadline(int level, int slot) {
        long slotRange = 1L << (level * SLOT_BITS);
        long levelRange = slotRange << SLOT_BITS;
        long deadline = (elapsed & -levelRange) + slot * slotRange;
        // Only a clamped far deadline in the top level can sit "behind" the current position:
        // it belongs to the next turn of the wheel.
        if (deadline <= elapsed && level > 0) {
            deadline += levelRange;
        }
        return deadline;
    }

    private void link(TimerNode node) {
        long when = node.deadlineTick;
        long masked = (elapsed ^ when) | SLOT_MASK;
        if (masked >= SPAN) {
            masked = SPAN - 1; // beyond the wheel: keep it in the top level until nearer
        }
        int level = (63 - Long.numberOfLeadingZeros(masked)) / SLOT_BITS;
        int slot = (int) ((when >>> (level * SLOT_BITS)) & SLOT_MASK);
        int index = level * SLOTS + slot;
        TimerNode head = heads[index];
        node.next = head;
        node.prev = null;
        if (head != null) {
            head.prev = node;
        }
        heads[index] = node;
        node.slotIndex = index;
        occupied[level] |= 1L << slot;
    }

    private void unlink(TimerNode node) {
        int index = node.slotIndex;
        if (node.prev != null) {
            node.prev.next = node.next;
        } else {
            heads[index] = node.next;
        }
        if (node.next != null) {
            node.next.prev = node.prev;
        }
        if (heads[index] == null) {
            occupied[index / SLOTS] &= ~(1L << (index % SLOTS));
        }
        node.prev = null;
        node.next = null;
        node.slotIndex = TimerNode.NOT_SCHEDULED;
    }

    private TimerNode takeSlot(int index) {
        TimerNode n = heads[index];
        heads[index] = null;
        return n;
    }
}
