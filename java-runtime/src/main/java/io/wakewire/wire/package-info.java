/**
 * The wire codec of protocol v1 (avr-firmware/PROTOCOL.md): pure Java, no I/O, no dependency on
 * other wakewire packages.
 *
 * <h2>API in one screen</h2>
 * <pre>{@code
 * // receive: push bytes as they come (any slicing), frames come out through the sink
 * FrameDecoder decoder = new FrameDecoder(new FrameSink() {
 *     public void frame(Frame f) {
 *         switch (f) {
 *             case Answer.Reply r -> completeRequest(r.reqId(), r);     // ACK, NAK, PONG, ...
 *             case Answer.Events ev -> ev.records().forEach(...);        // only if events() is not overridden
 *             case Raw raw -> unknownFrames++;                           // unknown type / bad payload
 *             case Command c -> ...;                                     // a simulator decodes commands
 *         }
 *     }
 *     public void events(EventBatch batch) {                            // optional: no allocation per edge
 *         checkSeq(batch.seq());
 *         batch.forEach(visitor);                                        // edge(pin, level, ts) / lost(source, count)
 *     }
 *     public void invalid(FrameError e) { }                              // COBS, TOO_LONG, SHORT, CRC
 * });
 * decoder.push(bytes, 0, n);                                             // or push(ByteBuffer)
 * decoder.errors(FrameError.CRC); decoder.frames(); decoder.rawFrames();
 *
 * // send: records validate their field ranges; the encoder adds CRC, COBS and the final 0x00
 * byte[] wire = encoder.encode(new Command.Arm(seq, reqId, 2, Command.Arm.BOTH, 0));
 * int n = encoder.encode(frame, buffer, offset);                        // allocation-free form
 * }</pre>
 *
 * <h2>The model</h2>
 * <ul>
 *   <li>{@link io.wakewire.wire.Frame} (sealed): {@code type()}, {@code seq()}; size limits as constants.</li>
 *   <li>{@link io.wakewire.wire.Command} (host to board, each with {@code reqId}): {@code Hello, PinMode,
 *       Arm, DigitalWrite, PwmWrite, AnalogRead, Ping, Clock, Stats, ResetCause}.</li>
 *   <li>{@link io.wakewire.wire.Answer} (board to host): {@code Events(seq, baseTs, records)} and the
 *       {@link io.wakewire.wire.Answer.Reply}s {@code HelloInfo, Ack, Nak (code + NakCode reason()),
 *       Pong, Analog, StatsReport (drops: Drop(source, count)), ClockReading, ResetCauseReport}.</li>
 *   <li>{@link io.wakewire.wire.EventRecord}: {@code Edge(pin, level, timestamp)} with absolute board
 *       ticks (base_ts + deltas, as a long that may pass 2^32 inside one frame), {@code Lost(source, count)}.</li>
 *   <li>{@link io.wakewire.wire.Raw}{@code (type, seq, payload)}: a valid frame the model does not cover.</li>
 *   <li>Test kit, in this module's test-jar and not in the runtime jar: {@code FrameText} (the vectors
 *       file's text form, both ways) and {@code EventsBuilder} (packs edges into full EVENTS frames as
 *       the firmware does, for a host-side board simulator).</li>
 * </ul>
 *
 * <h2>Mechanisms</h2>
 * {@link io.wakewire.wire.Crc16} (table-driven CRC-16/X-25), {@link io.wakewire.wire.Cobs},
 * {@link io.wakewire.wire.Leb128} (u32, at most 5 bytes) work on caller arrays and allocate nothing.
 * {@link io.wakewire.wire.FrameParser} turns a checked payload into a record and never throws.
 */
package io.wakewire.wire;
