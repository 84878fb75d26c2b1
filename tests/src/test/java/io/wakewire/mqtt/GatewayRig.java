package io.wakewire.mqtt;

import io.wakewire.board.BoardOptions;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.gateway.Gateway;
import io.wakewire.gateway.GatewayBoard;
import io.wakewire.gateway.GatewayOptions;
import io.wakewire.sim.BuildArtifacts;
import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A broker, N virtual boards (ids sim0..), and helpers to read the gateway's JSON in assertions. */
final class GatewayRig implements AutoCloseable {

    final Mosquitto broker;
    final List<VirtualBoard> vboards = new ArrayList<>();

    GatewayRig(int boards) {
        broker = Mosquitto.launch();
        BuildArtifacts a = BuildArtifacts.locate();
        try {
            for (int i = 0; i < boards; i++) {
                vboards.add(VirtualBoard.start("uno", a.firmware("uno"), VirtualBoardOptions.defaults()));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    List<GatewayBoard> boards(List<String> pins) {
        BoardOptions o = BoardOptions.defaults().withConnectTimeout(Duration.ofSeconds(10)).withRequestTimeout(Duration.ofSeconds(2))
                .withHeartbeat(Duration.ofSeconds(1)).withReconnect(true);
        List<GatewayBoard> out = new ArrayList<>();
        for (int i = 0; i < vboards.size(); i++) {
            out.add(new GatewayBoard("sim" + i, BoardConfig.load("uno"), vboards.get(i).port(), o, pins));
        }
        return out;
    }

    /** A gateway with options of the test's choosing and these pins on every board. */
    Gateway start(java.util.function.UnaryOperator<GatewayOptions> tune, List<String> pins, List<String> analog, List<String> outputs) {
        List<GatewayBoard> bs = boards(pins).stream()
                .map(b -> new GatewayBoard(b.id(), b.config(), b.port(), b.options(), pins, analog, outputs)).toList();
        return Gateway.start(tune.apply(GatewayOptions.of(broker.url())), bs);
    }

    Gateway start(List<String> pins) {
        return start(pins, 10_000);
    }

    Gateway start(List<String> pins, int queueCapacity) {
        return Gateway.start(GatewayOptions.of(broker.url()).withQueueCapacity(queueCapacity),
                boards(pins));
    }

    /** Waits (up to 30 s) until {@code ok} holds, or fails saying {@code what}. */
    static void until(java.util.function.BooleanSupplier ok, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 30 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A number field of a flat JSON payload ("seq", "level"), or fails. */
    static long num(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no \"" + key + "\" in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    /** A string field of a flat JSON payload, or null. */
    static String str(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void close() {
        vboards.forEach(VirtualBoard::close);
        broker.close();
    }
}
