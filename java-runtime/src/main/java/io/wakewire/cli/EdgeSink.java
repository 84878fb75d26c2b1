package io.wakewire.cli;

import io.wakewire.pin.Edge;

import java.io.IOException;

/** Where {@code monitor} and {@code demo} put the edges they see: a terminal table, CSV, a VCD file. */
interface EdgeSink extends AutoCloseable {

    void edge(Edge e) throws IOException;

    /** Events of {@code pin} went missing at this place in the stream ({@code what}: cause and count, in words). */
    default void lost(String pin, String what) throws IOException {
    }

    /**
     * The same, with the loss report's parts for sinks that keep them apart: {@code cause} in
     * lower case ({@code board_overflow}, {@code sequence_gap}, {@code merged}, ...) and its {@code count}
     * of edges ({@link io.wakewire.pin.EdgesLostException#UNKNOWN} when not known). By default
     * the words only.
     */
    default void lost(String pin, String cause, long count, String what) throws IOException {
        lost(pin, what);
    }

    @Override
    default void close() throws IOException {
    }
}
