/*
 * Serial ports for the reactor: open non-blocking and raw, any baud (termios2 with BOTHER, so
 * 250000, 500000, 1000000 are asked of the driver as they are, not rounded to a Bxxx constant),
 * exclusive, with DTR and HUPCL as asked; read into a direct ByteBuffer; write from a Java array.
 *
 * termios2 lives in <asm/termbits.h>, which clashes with glibc's <termios.h>: this file uses only
 * the kernel's definitions.
 */
#include <jni.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <asm/termbits.h>

#include "wakewire_reactor.h"

static void modem_lines(int fd, int on) {
    int bits = TIOCM_DTR | TIOCM_RTS;
    /* A pseudo-terminal has no modem lines; Java reports that once, so the error is ignored here. */
    (void)ioctl(fd, on ? TIOCMBIS : TIOCMBIC, &bits);
}

static int fail(int fd, jint *err, int stage) {
    err[0] = errno;
    err[1] = stage;
    if (fd >= 0) close(fd);
    return -1;
}

/* Returns the descriptor, or -1 with err = {errno, stage}. */
JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_openTty(JNIEnv *env, jclass cls, jstring jpath,
                                                                  jint baud, jboolean dtr, jboolean hupcl,
                                                                  jintArray jerr) {
    (void)cls;
    jint err[2] = {0, 0};
    const char *path = (*env)->GetStringUTFChars(env, jpath, NULL);
    if (path == NULL) return -1; /* OutOfMemoryError pending */
    int fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    (*env)->ReleaseStringUTFChars(env, jpath, path);
    if (fd < 0) {
        fail(-1, err, STAGE_OPEN);
    } else if (ioctl(fd, TIOCEXCL) < 0) {
        fd = fail(fd, err, STAGE_EXCL);
    } else {
        struct termios2 t;
        if (ioctl(fd, TCGETS2, &t) < 0) {
            fd = fail(fd, err, STAGE_TERMIOS);
        } else {
            /* raw 8N1, no flow control. VMIN 1, not 0: with VMIN 0 and VTIME 0 an empty tty reads 0
               even when non-blocking, indistinguishable from a hang-up; with VMIN 1 it is EAGAIN. */
            t.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON | IXOFF | IXANY);
            t.c_oflag &= ~OPOST;
            t.c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
            t.c_cflag &= ~(CSIZE | PARENB | CSTOPB | CRTSCTS | CBAUD | (CBAUD << IBSHIFT));
            t.c_cflag |= CS8 | CREAD | CLOCAL | BOTHER | (BOTHER << IBSHIFT);
            if (hupcl) t.c_cflag |= HUPCL; else t.c_cflag &= ~HUPCL;
            t.c_ispeed = (speed_t)baud;
            t.c_ospeed = (speed_t)baud;
            t.c_cc[VMIN] = 1;
            t.c_cc[VTIME] = 0;
            if (ioctl(fd, TCSETS2, &t) < 0) {
                fd = fail(fd, err, STAGE_BAUD);
            } else {
                modem_lines(fd, dtr);
            }
        }
    }
    if (fd < 0) (*env)->SetIntArrayRegion(env, jerr, 0, 2, err);
    return fd;
}

/* The baud the driver holds now (what it accepted), or -errno. */
JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_baudOf(JNIEnv *env, jclass cls, jint fd) {
    (void)env; (void)cls;
    struct termios2 t;
    if (ioctl(fd, TCGETS2, &t) < 0) return -errno;
    return (jint)t.c_ospeed;
}

/* 1 when HUPCL is set, 0 when clear, or -errno. */
JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_hupclOf(JNIEnv *env, jclass cls, jint fd) {
    (void)env; (void)cls;
    struct termios2 t;
    if (ioctl(fd, TCGETS2, &t) < 0) return -errno;
    return (t.c_cflag & HUPCL) ? 1 : 0;
}

/* 1 when the tty is in exclusive mode (TIOCEXCL held), 0 when not, or -errno. */
JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_exclusiveOf(JNIEnv *env, jclass cls, jint fd) {
    (void)env; (void)cls;
    int excl = 0;
    if (ioctl(fd, TIOCGEXCL, &excl) < 0) return -errno;
    return excl ? 1 : 0;
}

/* 0, or -errno (ENOTTY / EINVAL on a pty: no modem lines). */
JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_setDtr(JNIEnv *env, jclass cls, jint fd, jboolean on) {
    (void)env; (void)cls;
    int bits = TIOCM_DTR;
    return ioctl(fd, on ? TIOCMBIS : TIOCMBIC, &bits) < 0 ? -errno : 0;
}

/*
 * Reads what is there into dst[pos, pos+len). Returns the count, 0 when nothing is buffered
 * (EAGAIN), -1 at end of input (a hung-up pty or tty reads 0), or -errno (EIO after an unplug).
 */
JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_read(JNIEnv *env, jclass cls, jint fd,
                                                              jobject dst, jint pos, jint len) {
    (void)cls;
    char *base = (*env)->GetDirectBufferAddress(env, dst);
    if (base == NULL) return -EINVAL;
    ssize_t n;
    do {
        n = read(fd, base + pos, (size_t)len);
    } while (n < 0 && errno == EINTR);
    if (n > 0) return (jint)n;
    if (n == 0) return len == 0 ? 0 : -1;
    return errno == EAGAIN ? 0 : -errno;
}

/*
 * Writes all of src[off, off+len), waiting for room in the kernel's output buffer at most
 * stall_ms at a time. Returns len, or -errno (-ETIMEDOUT when the line made no progress for
 * stall_ms: flow stopped or a dead driver).
 */
JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_write(JNIEnv *env, jclass cls, jint fd,
                                                               jbyteArray src, jint off, jint len, jint stall_ms) {
    (void)cls;
    char chunk[4096];
    jint done = 0;
    while (done < len) {
        jint n = len - done < (jint)sizeof chunk ? len - done : (jint)sizeof chunk;
        (*env)->GetByteArrayRegion(env, src, off + done, n, (jbyte *)chunk);
        jint sent = 0;
        while (sent < n) {
            ssize_t w = write(fd, chunk + sent, (size_t)(n - sent));
            if (w > 0) {
                sent += (jint)w;
                continue;
            }
            if (w < 0 && errno == EINTR) continue;
            if (w < 0 && errno != EAGAIN) return -errno;
            struct pollfd p = {.fd = fd, .events = POLLOUT};
            int r = poll(&p, 1, stall_ms);
            if (r == 0) return -ETIMEDOUT;
            if (r < 0 && errno != EINTR) return -errno;
            if (r > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL))) return -EIO;
        }
        done += n;
    }
    return done;
}

JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_close(JNIEnv *env, jclass cls, jint fd) {
    (void)env; (void)cls;
    return close(fd) < 0 ? -errno : 0;
}
