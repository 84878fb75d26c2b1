package io.wakewire.link;

import io.wakewire.task.Waker;

import java.nio.ByteBuffer;

/**
 * The reading half of a {@link SerialLink} whose received bytes wait in a {@link ReceiveBuffer}
 * (the in-memory link and wakewire's jssc link): reads, the waker and the link's state are the
 * buffer's. Subclasses fill the buffer and do the writing and closing.
 */
abstract class ReceiveBufferLink implements SerialLink {

    final String name;
    final ReceiveBuffer inbox;

    ReceiveBufferLink(String name, int receiveCapacity) {
        this.name = name;
        this.inbox = new ReceiveBuffer(name, receiveCapacity);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int read(ByteBuffer dst) throws LinkClosedException {
        return inbox.read(dst);
    }

    @Override
    public int available() {
        return inbox.available();
    }

    @Override
    public void setReadWaker(Waker waker) {
        inbox.setWaker(waker);
    }

    @Override
    public LinkState state() {
        return inbox.state();
    }
}
