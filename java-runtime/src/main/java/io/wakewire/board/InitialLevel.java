package io.wakewire.board;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

/**
 * {@link EdgeStream#initialLevel()}: subscribe, wait for the ARM, then READ_PIN, and start the
 * stream at the level read. The firmware reads level and tick with interrupts off, so an edge
 * reported after the read has a later tick, or the same tick and the other level: the stream
 * drops the edges before it (EdgeSubscription.startAt) and begins from a known level.
 */
final class InitialLevel implements Future<PinLevel> {

    private final EdgeSubscription sub;
    private Future<PinLevel> read;

    InitialLevel(EdgeSubscription sub) {
        this.sub = sub;
    }

    @Override
    public Poll<PinLevel> poll(Context cx) {
        if (sub.startLevel() != null) {
            return Poll.ready(sub.startLevel());
        }
        if (read == null) {
            sub.start();
            sub.pollArming(cx);
            if (!sub.armed()) {
                return Poll.pending();
            }
            read = PinRead.read(sub.pin);
        }
        Poll<PinLevel> p = read.poll(cx);
        if (p.isReady()) {
            sub.startAt(p.value());
        }
        return p;
    }

    @Override
    public void cancel() {
        if (read != null) {
            read.cancel();
        }
    }

    @Override
    public String describe() {
        return "initialLevel(" + sub.pin.session.label() + " " + sub.pin.name() + ")";
    }
}
