package io.wakewire.task;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A single-threaded cooperative executor: it polls tasks on the thread that calls
 * {@link #blockOn}, one at a time, and sleeps through a {@link Parker} when none is runnable.
 *
 * <h2>How it schedules</h2>
 * <ul>
 *   <li><b>Run queue.</b> Wakes on the executor thread go to a local FIFO (an ArrayDeque, no
 *       synchronisation); wakes from other threads go through a lock-free intrusive stack
 *       ({@link RemoteWakeStack}) and unpark the executor only if it is parked. A task is its
 *       own waker, so waking allocates nothing, and duplicate wakes collapse (see
 *       {@link TaskState}).</li>
 *   <li><b>Fair batches.</b> Each turn drains the cross-thread stack, then polls at most the
 *       tasks queued at the start of the turn (bounded by {@code maxBatch}); a task woken during
 *       the turn, including by itself, waits for the next turn. Cross-thread wakes are taken
 *       at every turn; timers are looked at every 64 polls (within a batch too) and whenever the
 *       queue runs dry (tokio does the same every 61), because reading the clock costs more than a
 *       short poll.
 *       So a task that keeps waking itself cannot starve the others, the timers, or the other
 *       threads' wakes. (A task that woke itself while nothing else is queued, no cross-thread
 *       wake is pending and no timer check is due is polled again at once: its next turn would
 *       do exactly that, so a lone {@code await(yieldNow())} loop pays no turn.) But a poll that
 *       blocks delays timers by up to 64 such polls: do not block inside poll.</li>
 *   <li><b>Cooperative budget.</b> Before each poll the task gets a budget ({@code budget}, 128
 *       by default). Leaf futures that can be ready many times in a row (a channel with a full
 *       buffer) call {@link Coop#proceed} and return Pending once it is spent, so a task that
 *       loops over always-ready futures still yields (tokio's coop scheme).</li>
 *   <li><b>Timers.</b> A hierarchical {@link TimerWheel} (tick 1 ms by default, see there for
 *       the trade-offs); the parker is given the next deadline.</li>
 *   <li><b>Failures.</b> A task whose poll throws completes with that failure (delivered to its
 *       joiner as {@link TaskFailedException}); the executor carries on. The failed future is
 *       then cancelled so that it releases timers and waiter slots.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * {@link #spawn}, {@link JoinHandle#cancel()} and every {@link Waker} are thread-safe. Everything
 * else that touches tasks or timers ({@code poll}, {@code Future.cancel}, the wheel) happens on
 * the thread inside {@code blockOn}. Only one thread may be inside {@code blockOn} at a time;
 * tasks left running when it returns stay put until the next {@code blockOn} or {@link #close()}.
 */
public final class Executor implements AutoCloseable {

    private static final ThreadLocal<Executor> CURRENT = new ThreadLocal<>();
    /** A busy executor looks at its timers at least this often (in polls). */
    private static final int TIMER_CHECK_POLLS = 64;

    private final String name;
    private final Clock clock;
    private final Parker parker;
    private final TickClock ticks;
    private final int budgetPerPoll;
    private final int maxBatch;

    private static final int QUEUE_CAPACITY = 256;
    /** A run queue that held more than this many tasks is replaced once it is empty again. */
    static final int QUEUE_SHRINK_ABOVE = 4096;

    /** Not final: replaced by a small one after a burst (an ArrayDeque never gives back its array). */
    private ArrayDeque<Task<?>> localQueue = new ArrayDeque<>(QUEUE_CAPACITY);
    /** The most tasks queued at the start of a turn since the queue was last replaced; executor thread only. */
    private int queuePeak;
    /** How often the run queue was replaced (for tests); executor thread only. */
    int queueShrinks;
    private final RemoteWakeStack remoteQueue = new RemoteWakeStack();
    private final TimerWheel wheel;

    /** The thread inside blockOn/close, or null. */
    private volatile Thread owner;
    /** Set by the owner just before parking; wakers unpark only when they see it. */
    private volatile boolean sleeping;
    private volatile boolean closed;
    /** Set once close() has run its last turn: from then on, no executor thread drains the wake stack. */
    private volatile boolean terminated;
    /** Budget left for the task being polled; executor thread only. */
    private int budget;
    /** The task inside poll, and its executor-private state bits (SELF_WOKEN, see TaskState); executor thread only. */
    Task<?> polling;
    int pollBits;
    /** The continuation-engine body mounted now, for Async.await; executor thread only. */
    SuspendableBody<?> runningBody;
    /** Polls since the timers were last looked at; executor thread only. */
    private int pollsSinceTimers;
    /** Spawned, unfinished tasks; executor thread only. */
    private final LiveTasks live = new LiveTasks();

    private Executor(Builder b) {
        this.name = b.name;
        this.clock = b.clock;
        this.parker = b.parker != null ? b.parker : new JdkParker();
        this.ticks = new TickClock(clock, b.tick.toNanos());
        this.budgetPerPoll = b.budget;
        this.maxBatch = b.maxBatch;
        this.wheel = new TimerWheel(0);
    }

    /** An executor with the system clock, the JDK parker, 1 ms timer ticks. */
    public static Executor create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The executor whose thread is the calling thread (inside {@code blockOn}), or null.
     * With the thread-handoff async engine, a body's own thread is not the executor thread; use
     * {@link Async#context()} there.
     */
    public static Executor current() {
        return CURRENT.get();
    }

    /** The executor of {@code cx}, or a clear error naming {@code what} needed it. */
    static Executor of(Context cx, String what) {
        Executor ex = cx == null ? null : cx.executor();
        if (ex == null) {
            throw new IllegalStateException(what + " must be polled by a task of an io.wakewire.task.Executor"
                    + " (its Context has no executor)");
        }
        return ex;
    }

    public String name() {
        return name;
    }

    /** The executor's clock reading: the time base of timers and {@code sleepUntil}. */
    public long nanoTime() {
        return clock.nanoTime();
    }

    // ---- spawning -----------------------------------------------------------------------------

    /** Spawn {@code future} as a new task named {@code name}. Thread-safe. */
    public <T> JoinHandle<T> spawn(String name, Future<T> future) {
        if (future == null) {
            throw new IllegalArgumentException("spawn(" + name + "): future is null");
        }
        if (closed) {
            throw new IllegalStateException("spawn(" + name + "): executor '" + this.name + "' is closed");
        }
        Task<T> task = new Task<>(this, name, future);
        // A new task starts OWNED: whoever creates it queues it.
        if (Thread.currentThread() == owner) {
            live.add(task);
            localQueue.add(task);
        } else {
            submitRemote(task); // registered in the live list when the executor drains it
            if (terminated) {
                reapOrphans(); // close() finished meanwhile: nobody will ever drain this task
            }
        }
        return task;
    }

    /** Spawn an unnamed task (the dump shows its identity hash). */
    public <T> JoinHandle<T> spawn(Future<T> future) {
        return spawn(null, future);
    }

    // ---- running --------------------------------------------------------------------------------

    /**
     * Run the executor on the calling thread until {@code future} completes, and return its value.
     * Spawned tasks run meanwhile. An exception thrown by the future is rethrown as is (a checked
     * one wrapped in {@link TaskFailedException}). If the thread is interrupted, the future is
     * cancelled and {@link TaskCancelledException} is thrown (the interrupt flag stays set).
     */
    public <T> T blockOn(Future<T> future) {
        if (future == null) {
            throw new IllegalArgumentException("blockOn: future is null");
        }
        enter("blockOn");
        Executor previous = CURRENT.get();
        CURRENT.set(this);
        try {
            Task<T> root = new Task<>(this, "blockOn", future);
            schedule(root);
            boolean interruptSeen = false;
            while (!root.isComplete()) {
                if (!turn() && !root.isComplete()) {
                    idle();
                    if (!interruptSeen && Thread.currentThread().isInterrupted()) {
                        interruptSeen = true;
                        root.cancelTask();
                    }
                }
            }
            return result(root);
        } finally {
            CURRENT.set(previous);
            owner = null;
        }
    }

    /**
     * Run {@code body} as an {@link Async#async} body on this executor until it returns, and
     * return its value: {@code blockOn(Async.async(body))}. Its exceptions are rethrown as
     * {@link #blockOn(Future)} says.
     */
    public <T> T blockOn(Async.Body<T> body) {
        return blockOn(Async.async(body));
    }

    /**
     * {@link #blockOn(Async.Body)} for a body without a value, so that it needs no
     * {@code return null}: {@code blockOn(Async.run(body))}.
     */
    public void blockOn(Async.VoidBody body) {
        blockOn(Async.run(body));
    }

    @SuppressWarnings("unchecked")
    private static <T> T result(Task<T> root) {
        if (!root.failed()) {
            return (T) root.rawOutcome();
        }
        if (!(root.rawOutcome() instanceof Throwable t)) {
            return root.outcomeOrThrow(); // cancelled: throws TaskCancelledException
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new TaskFailedException("blockOn", t);
    }

    private void enter(String what) {
        Thread me = Thread.currentThread();
        Thread running = owner;
        if (running == me) {
            throw new IllegalStateException(what + " called from inside a task of executor '" + name
                    + "': a task must not block its own executor; await the future instead");
        }
        if (running != null) {
            throw new IllegalStateException(what + ": executor '" + name + "' is already running on thread '"
                    + running.getName() + "'; an executor is single-threaded");
        }
        if (closed) {
            throw new IllegalStateException(what + ": executor '" + name + "' is closed");
        }
        owner = me;
    }

    /**
     * One fair turn: take the cross-thread wakes, poll the tasks queued now (not those woken
     * during the turn), then expire due timers. Returns whether anything may be runnable.
     */
    private boolean turn() {
        if (!remoteQueue.isEmpty()) {
            drainRemote();
        }
        int queued = localQueue.size();
        if (queued > queuePeak) {
            queuePeak = queued;
        }
        int n = Math.min(queued, maxBatch);
        for (int i = 0; i < n; i++) {
            Task<?> t = localQueue.poll();
            budget = budgetPerPoll;
            t.run();
            // Reading the clock costs more than a short poll, so a busy executor looks at its timers
            // every TIMER_CHECK_POLLS polls, counted across turns and inside a long batch alike (a
            // batch can be thousands of polls: checking only at its end let a due timer wait for all
            // of them). A task a timer wakes joins the queue's tail, behind this batch's remainder.
            if (++pollsSinceTimers >= TIMER_CHECK_POLLS) {
                pollsSinceTimers = 0;
                if (wheel.size() > 0) {
                    expireTimers();
                }
            }
        }
        // ...and always before it would go idle.
        if (wheel.size() > 0 && localQueue.isEmpty()) {
            pollsSinceTimers = 0;
            expireTimers();
        }
        if (queuePeak > QUEUE_SHRINK_ABOVE && localQueue.isEmpty()) {
            shrinkQueue();
        }
        return !localQueue.isEmpty() || !remoteQueue.isEmpty();
    }

    /**
     * After a burst (a million spawns) the deque's array would stay at the burst's size for the
     * executor's life, about 4 bytes per task of the burst; an empty queue is replaced for free.
     */
    private void shrinkQueue() {
        localQueue = new ArrayDeque<>(QUEUE_CAPACITY);
        queuePeak = 0;
        queueShrinks++;
    }

    private void idle() {
        long deadline = wheel.size() == 0 ? Parker.NO_DEADLINE : ticks.nanosOfTick(wheel.nextExpirationTick());
        sleeping = true;
        try {
            if (remoteQueue.isEmpty()) {
                parker.park(deadline, clock);
            }
        } finally {
            sleeping = false;
        }
    }

    private void drainRemote() {
        Task<?> t = remoteQueue.takeAll();
        while (t != null) {
            Task<?> next = t.remoteNext;
            t.remoteNext = null;
            if (!live.contains(t)) {
                live.add(t); // spawned from another thread
            }
            localQueue.add(t);
            t = next;
        }
    }

    private void expireTimers() {
        wheel.advance(ticks.nowTick());
    }

    // ---- called by tasks --------------------------------------------------------------------------

    /** Queue a task that a transition said to submit. Any thread. */
    void schedule(Task<?> task) {
        if (Thread.currentThread() == owner) {
            if (!live.contains(task)) {
                live.add(task); // the root task of blockOn, queued before its first turn
            }
            localQueue.add(task);
        } else {
            submitRemote(task);
        }
    }

    private void submitRemote(Task<?> task) {
        remoteQueue.push(task);
        if (sleeping) {
            parker.unpark();
        }
    }

    /** Whether the calling thread is the one inside blockOn/close. */
    boolean isOwnerThread() {
        return Thread.currentThread() == owner;
    }

    /**
     * Whether the task being polled, which woke itself, may be polled again at once instead of
     * at the next turn: only if nothing else is runnable (no queued task, no cross-thread wake)
     * and no timer check is due; counts as a poll for the timer check and gets a fresh budget.
     * Executor thread.
     */
    boolean mayRepollAlone() {
        if (!localQueue.isEmpty() || !remoteQueue.isEmpty() || pollsSinceTimers + 1 >= TIMER_CHECK_POLLS) {
            return false;
        }
        pollsSinceTimers++;
        budget = budgetPerPoll;
        return true;
    }

    /** Put back a task woken while it ran. Executor thread. */
    void requeue(Task<?> task) {
        localQueue.add(task);
    }

    /** A task completed: forget it. Executor thread. */
    void retire(Task<?> task) {
        live.remove(task);
    }

    /** Coop budget: spend one unit, or wake the task and say no. Executor thread. */
    boolean consumeBudget(Waker waker) {
        if (budget > 0) {
            budget--;
            return true;
        }
        waker.wake();
        return false;
    }

    /** Take a scheduled timer out of the wheel. Executor thread. */
    void cancelTimer(TimerNode node) {
        wheel.remove(node);
    }

    /** Insert a timer due at {@code deadlineNanos}; false if already due. Executor thread. */
    boolean scheduleTimer(TimerNode node, long deadlineNanos) {
        if (wheel.size() == 0) {
            expireTimers(); // the wheel is not advanced while empty: bring it to the present first
        }
        return wheel.insert(node, ticks.deadlineTick(deadlineNanos));
    }

    // ---- introspection and shutdown ------------------------------------------------------------------

    /**
     * The live tasks, one per line: name, state bits, and what each awaits
     * ({@link Future#describe()}). Exact on the executor thread or while the executor is not
     * running; from another thread during {@code blockOn} it is a best-effort snapshot (it may miss
     * tasks that change meanwhile, and never blocks the executor).
     */
    public String dump() {
        StringBuilder b = new StringBuilder();
        b.append("executor '").append(name).append("': ").append(live.size()).append(" live task(s), ")
                .append(wheel.size()).append(" timer(s)\n");
        int shown = 0;
        for (Task<?> t = live.first(); t != null && shown < 100_000; t = t.liveNext) {
            if (!live.contains(t)) {
                continue;
            }
            b.append("  ").append(t.dumpLine()).append('\n');
            shown++;
        }
        return b.toString();
    }

    /** Live (spawned, unfinished) tasks, as seen from the executor thread. */
    public int liveTasks() {
        return live.size();
    }

    /**
     * Cancel every task left (their awaited futures are cancelled recursively), run the
     * cancellations, and refuse further spawns. Call it from outside {@code blockOn}.
     * Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        enter("close");
        closed = true;
        Executor previous = CURRENT.get();
        CURRENT.set(this);
        try {
            // Cancel everything, then run turns until the queues are empty: each cancelled task
            // completes at its first run, wakes of completed tasks are no-ops and spawns are
            // refused, so this ends. A second pass catches anything a cancellation left behind.
            for (int pass = 0; pass < 3; pass++) {
                drainRemote();
                if (live.size() == 0) {
                    break;
                }
                for (Task<?> t = live.first(); t != null; t = t.liveNext) {
                    t.cancelTask();
                }
                while (turn()) {
                    // keep going
                }
            }
            terminated = true;
            reapOrphans();
        } finally {
            CURRENT.set(previous);
            owner = null;
        }
    }

    /**
     * Cancel tasks that a spawn on another thread pushed while close() was finishing. After
     * termination there is no executor thread, so the lock makes whoever calls this the one consumer.
     */
    private void reapOrphans() {
        synchronized (remoteQueue) {
            Task<?> t = remoteQueue.takeAll();
            while (t != null) {
                Task<?> next = t.remoteNext;
                t.remoteNext = null;
                if (!t.isComplete()) {
                    t.cancelNow();
                }
                t = next;
            }
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "Executor(" + name + ", " + live.size() + " live)";
    }

    /** Settings; every one has a sensible default. */
    public static final class Builder {
        private String name = "wakewire";
        private Clock clock = Clock.SYSTEM;
        private Parker parker;
        private Duration tick = Duration.ofMillis(1);
        private int budget = 128;
        private int maxBatch = 4096;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = require(name, "name");
            return this;
        }

        /** Time source for timers; a {@link VirtualClock} makes timer tests deterministic. */
        public Builder clock(Clock clock) {
            this.clock = require(clock, "clock");
            return this;
        }

        /** How to wait when idle; {@link JdkParker} unless set. */
        public Builder parker(Parker parker) {
            this.parker = require(parker, "parker");
            return this;
        }

        /** Timer wheel tick: timers fire up to one tick late. Between 1 µs and 1 s. */
        public Builder tick(Duration tick) {
            require(tick, "tick");
            if (tick.compareTo(Duration.ofNanos(1_000)) < 0 || tick.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalArgumentException("Executor tick must be between 1 µs and 1 s, got " + tick);
            }
            this.tick = tick;
            return this;
        }

        /** Coop budget per poll (see {@link Coop}); at least 1. */
        public Builder budget(int budget) {
            if (budget < 1) {
                throw new IllegalArgumentException("Executor budget must be at least 1, got " + budget);
            }
            this.budget = budget;
            return this;
        }

        /** Most tasks polled per turn before timers and cross-thread wakes are looked at again. */
        public Builder maxBatch(int maxBatch) {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("Executor maxBatch must be at least 1, got " + maxBatch);
            }
            this.maxBatch = maxBatch;
            return this;
        }

        public Executor build() {
            return new Executor(this);
        }

        private static <V> V require(V v, String what) {
            if (v == null) {
                throw new IllegalArgumentException("Executor." + what + " must not be null");
            }
            return v;
        }
    }
}
