package io.wakewire.bench.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the subscriber got, per board: the edges (each {@code seq} once: a QoS 1 redelivery is
 * counted aside), the latency of each (receive time minus the payload's {@code host_time_us}),
 * and every loss the gateway reported (on the pin or in its own queue). Fed from Paho's thread,
 * read by the bench's: all synchronized.
 */
final class Tally {

    private static final Pattern CAUSE = Pattern.compile("\"cause\":\"([a-z_]+)\"");
    private static final Pattern NUM = Pattern.compile("\"(seq|host_time_us|count)\":(-?\\d+)");

    private final Map<String, Set<Long>> seqs = new HashMap<>();
    private final Map<String, Long> lost = new HashMap<>();
    private final Map<String, Long> unknownLosses = new HashMap<>();
    private final Map<String, Long> causes = new java.util.TreeMap<>();
    private long lastMessageNanos = System.nanoTime();
    private final List<long[]> edges = new ArrayList<>(); // {receive_us, host_time_us}
    private long redelivered;
    private final long[] redeliveredSeqs = {Long.MAX_VALUE, Long.MIN_VALUE};

    /** One message: {@code PREFIX/BOARD/PIN/edge}, {@code .../PIN/lost} or {@code PREFIX/BOARD/lost}; others ignored. */
    synchronized void add(String topic, String payload, long receivedUs) {
        String[] level = topic.split("/");
        if (level.length < 3) {
            return;
        }
        String board = level[1];
        Map<String, Long> n = numbers(payload);
        lastMessageNanos = System.nanoTime();
        if (topic.endsWith("/edge")) {
            long seq = n.getOrDefault("seq", -1L);
            if (!seqs.computeIfAbsent(board, b -> new HashSet<>()).add(seq)) {
                redelivered++;
                redeliveredSeqs[0] = Math.min(redeliveredSeqs[0], seq);
                redeliveredSeqs[1] = Math.max(redeliveredSeqs[1], seq);
                return;
            }
            edges.add(new long[] {receivedUs, n.getOrDefault("host_time_us", receivedUs)});
        } else if (topic.endsWith("/lost")) {
            // a pin's loss has a seq (a redelivery of it is the same seq again); the queue's has from_seq
            Long seq = n.get("seq");
            if (seq != null && !seqs.computeIfAbsent(board, b -> new HashSet<>()).add(-seq)) {
                redelivered++;
                return;
            }
            long count = n.getOrDefault("count", 0L);
            Matcher cause = CAUSE.matcher(payload);
            causes.merge(cause.find() ? cause.group(1) : "?", Math.max(count, 0), Long::sum);
            if (count < 0) {
                // frames missing on the serial line: which edges (if any) were in them is unknown
                unknownLosses.merge(board, 1L, Long::sum);
            } else {
                lost.merge(board, count, Long::sum);
            }
        }
    }

    private static Map<String, Long> numbers(String json) {
        Map<String, Long> out = new HashMap<>();
        Matcher m = NUM.matcher(json);
        while (m.find()) {
            out.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return out;
    }

    /** Edges received from {@code board} (distinct seq numbers; a lost message's seq is kept negative, apart). */
    synchronized long received(String board) {
        return seqs.getOrDefault(board, Set.of()).stream().filter(s -> s > 0).count();
    }

    synchronized long lost(String board) {
        return lost.getOrDefault(board, 0L);
    }

    /** Loss reports of unknown size (frames missing on the serial line) from {@code board}. */
    synchronized long unknownLosses(String board) {
        return unknownLosses.getOrDefault(board, 0L);
    }

    /** Lost events by cause (a report of unknown size adds 0 to its cause's count, but names the cause). */
    synchronized Map<String, Long> causes() {
        return Map.copyOf(causes);
    }

    /** How long since the last edge or loss message arrived. */
    synchronized long quietNanos() {
        return System.nanoTime() - lastMessageNanos;
    }

    synchronized long totalLost() {
        return lost.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The lowest and highest seq of an edge that came twice (any board), or "none". */
    synchronized String redeliveredRange() {
        return redelivered == 0 ? "none" : "seq " + redeliveredSeqs[0] + ".." + redeliveredSeqs[1];
    }

    synchronized long redelivered() {
        return redelivered;
    }

    /** Edges received so far, all boards: an index to take a phase's edges from. */
    synchronized int mark() {
        return edges.size();
    }

    /** {receive_us, host_time_us} of the edges from {@code from} on. */
    synchronized List<long[]> since(int from) {
        return List.copyOf(edges.subList(from, edges.size()));
    }
}
