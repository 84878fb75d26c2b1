package io.wakewire.cli;

import io.wakewire.board.Edge;

import java.io.IOException;

/** Where {@code monitor} and {@code demo} put the edges they see: a terminal table, CSV, a VCD file. */
interface EdgeSink extends AutoCloseable {

    void edge(Edge e) throws IOException;

    /** Events of {@code pin} went missing at this place in the stream ({@code what}: cause and count). */
    default void lost(String pin, String what) throws IOException {
    }

    @Override
    default void close() throws IOException {
    }
}
