package io.wakewire.gateway;

import io.wakewire.board.Board;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.JoinHandle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Boards to an MQTT broker and back: every edge of the chosen pins, with its board time and the
 * host's estimate of it, and every loss, published per board and pin; commands for outputs taken
 * from the broker and answered. The topic layout and payloads are in java-runtime/README-gateway.md.
 *
 * <pre>{@code
 * try (Gateway gw = Gateway.start(GatewayOptions.of("tcp://localhost:1883"),
 *         List.of(new GatewayBoard("bench1", BoardConfig.load("uno"), "/dev/ttyACM0", BoardOptions.defaults(), List.of("D2", "D3"))))) {
 *     Thread.sleep(Long.MAX_VALUE);
 * }
 * }</pre>
 *
 * <p>Threads: one executor thread runs every board (as the other commands do); each board has its
 * own broker connection (its last will is that board's "offline") with a sender thread, and Paho's
 * threads deliver commands, which are handed to the executor.
 */
public final class Gateway implements AutoCloseable {

    /** How often each board's status is compared with the session's; well under a heartbeat. */
    static final Duration HEALTH_EVERY = Duration.ofMillis(100);

    private final GatewayOptions options;
    private final List<BrokerLink> links;
    private final List<CommandDesk> desks = new ArrayList<>();
    /** Set by close()/abort() from any thread; the executor looks every HEALTH_EVERY (the package table keeps sync out of here). */
    private volatile boolean stopping;
    private boolean closed; // guarded by this: close() runs once
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final Thread thread;
    private volatile Throwable failure;

    private Gateway(GatewayOptions options, List<GatewayBoard> boards, List<BrokerLink> links) {
        this.options = options;
        this.links = links;
        this.thread = new Thread(() -> run(boards), "wakewire-gateway");
    }

    /**
     * Connects to the broker (one client per board), then to the boards, and starts publishing.
     * Throws {@link GatewayException} (broker unreachable, bad URL, refused credentials) or the
     * board's own exception (port, no answer, unknown pin), each with a one-line message.
     */
    public static Gateway start(GatewayOptions options, List<GatewayBoard> boards) {
        if (boards.isEmpty()) {
            throw new IllegalArgumentException("no boards to serve");
        }
        Set<String> ids = new HashSet<>();
        for (GatewayBoard b : boards) {
            if (!ids.add(b.id())) {
                throw new IllegalArgumentException("board id '" + b.id() + "' is given twice");
            }
        }
        List<BrokerLink> links = new ArrayList<>();
        try {
            for (GatewayBoard b : boards) {
                links.add(BrokerLink.connect(options, new Topics(options.prefix(), b.id()),
                        "wakewire-" + options.prefix() + "-" + b.id()));
            }
        } catch (RuntimeException e) {
            links.forEach(BrokerLink::abort);
            throw e;
        }
        Gateway g = new Gateway(options, boards, links);
        g.thread.start();
        try {
            g.started.get(boards.stream().mapToLong(b -> b.options().connectTimeout().toMillis()).sum() + 10_000,
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            g.close();
            throw e.getCause() instanceof RuntimeException r ? r : new GatewayException(e.getCause().toString(), e.getCause());
        } catch (TimeoutException e) {
            g.close();
            throw new GatewayException("the boards did not all connect in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            g.close();
            throw new GatewayException("interrupted while connecting the boards");
        }
        return g;
    }

    private void run(List<GatewayBoard> boards) {
        HostTime time = new HostTime();
        try (Executor ex = Executor.builder().name("wakewire-gateway").build()) {
            ex.blockOn(Async.run(() -> {
                List<BoardBridge> bridges = new ArrayList<>();
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                try {
                    for (int i = 0; i < boards.size(); i++) {
                        GatewayBoard gb = boards.get(i);
                        Board board = Async.await(Board.connect(gb.config(), gb.port(), gb.options()));
                        BoardBridge bridge = new BoardBridge(board, links.get(i), time, gb.options().reconnect());
                        bridges.add(bridge);
                        for (String pin : gb.pins()) {
                            tasks.add(Async.spawn("edges " + gb.id() + " " + pin, bridge.follow(pin)));
                        }
                        for (String pin : gb.analog()) {
                            tasks.add(Async.spawn("analog " + gb.id() + " " + pin, bridge.sample(pin, options.analogEvery())));
                        }
                        Async.await(bridge.settled());
                        if (options.haPrefix() != null) {
                            Discovery.messages(options.haPrefix(), links.get(i).topics(), gb.id(), gb.pins(), gb.analog(),
                                    gb.outputs()).forEach(links.get(i)::retained);
                        }
                        tasks.add(Async.spawn("status " + gb.id(), bridge.health(HEALTH_EVERY)));
                        CommandDesk desk = new CommandDesk(links.get(i), bridge, ex);
                        desks.add(desk);
                        links.get(i).onCommand(desk::accept);
                    }
                    started.complete(null);
                    while (!stopping) {
                        Async.await(Futures.sleep(HEALTH_EVERY));
                    }
                } finally {
                    tasks.forEach(JoinHandle::cancel);
                    bridges.forEach(BoardBridge::close);
                }
            }));
        } catch (Throwable t) {
            failure = t;
            started.completeExceptionally(t);
        }
    }

    /** Why the gateway stopped on its own (a board failed for good), or null while it runs. */
    public Throwable failure() {
        return failure;
    }

    /** True while the gateway's executor runs. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Events dropped because a board's queue was full during a broker outage, all boards. */
    public long droppedEvents() {
        return links.stream().mapToLong(BrokerLink::droppedTotal).sum();
    }

    /** Messages waiting for the broker (during an outage), all boards. */
    public int queued() {
        return links.stream().mapToInt(BrokerLink::queued).sum();
    }

    /** Messages handed to the MQTT client, all boards. */
    public long published() {
        return links.stream().mapToLong(BrokerLink::published).sum();
    }

    /** Commands the board carried out (not counting refusals and duplicates), all boards. */
    public long commandsActuated() {
        return desks.stream().mapToLong(CommandDesk::actuated).sum();
    }

    /** Redelivered commands answered without acting, all boards. */
    public long duplicateCommands() {
        return desks.stream().mapToLong(CommandDesk::duplicates).sum();
    }

    /** Stops: boards closed, queued messages published (a few seconds at most), "offline", clean disconnect. */
    @Override
    public synchronized void close() {
        // once: `wakewire gateway` on SIGTERM closes from its shutdown hook while its main thread,
        // seeing the gateway stop, closes too; a second BrokerLink.close on a closed Paho client throws
        if (closed) {
            return;
        }
        closed = true;
        stopping = true;
        join();
        links.forEach(BrokerLink::close);
    }

    /**
     * Ends as a crash would: the broker connections dropped without a word (so the broker
     * publishes each board's last will, "offline"), then the boards closed.
     */
    public void abort() {
        links.forEach(BrokerLink::abort);
        stopping = true;
        join();
    }

    private void join() {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
