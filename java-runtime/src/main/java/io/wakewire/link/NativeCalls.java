package io.wakewire.link;

import java.nio.ByteBuffer;

/**
 * The JNI entry points of {@code libwakewire-reactor.so} (native/reactor/src). Nothing here may be
 * called before {@link NativeLibrary#available()} returned true. Errors come back as negative
 * errno values, never as exceptions, so that Java decides what each one means for the user.
 */
final class NativeCalls {

    /** Open stages, as in wakewire_reactor.h. */
    static final int STAGE_OPEN = 1;
    static final int STAGE_EXCL = 2;
    static final int STAGE_TERMIOS = 3;
    static final int STAGE_BAUD = 4;

    /** Flags in {@code await}'s out[0]. */
    static final int WOKEN = 1;
    static final int TIMER_FIRED = 2;

    /** epoll event bits (linux/eventpoll.h). */
    static final int EPOLLIN = 0x001;
    static final int EPOLLERR = 0x008;
    static final int EPOLLHUP = 0x010;
    static final int EPOLLRDHUP = 0x2000;

    /** Most ready ports one await reports (MAX_EVENTS in reactor.c). */
    static final int MAX_EVENTS = 64;

    private NativeCalls() {
    }

    // ---- reactor.c ----
    static native long create();

    static native void destroy(long handle);

    static native int wake(long handle);

    static native int register(long handle, int fd, int token, boolean readable);

    static native int modify(long handle, int fd, int token, boolean readable);

    static native int unregister(long handle, int fd);

    static native int await(long handle, long waitNanos, int[] out);

    // ---- tty.c ----
    static native int openTty(String path, int baud, boolean dtr, boolean hupcl, int[] err);

    static native int baudOf(int fd);

    static native int hupclOf(int fd);

    static native int exclusiveOf(int fd);

    static native int setDtr(int fd, boolean on);

    static native int read(int fd, ByteBuffer direct, int pos, int len);

    static native int write(int fd, byte[] src, int off, int len, int stallMillis);

    static native int close(int fd);

    // ---- pty.c (benchmarks and tests only, see PtyMaster) ----
    static native int openPtyMaster(byte[] slavePath);

    static native int waitReadable(int fd, int timeoutMillis);
}
