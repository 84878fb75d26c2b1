/*
 * Bench and test helper, not used by the runtime: a pseudo-terminal pair made in this process, so
 * that a benchmark can write bytes on the master and measure how long they take to reach a task
 * reading the slave (the port under test) with nothing in between: no socat relay, whose own
 * thread wake and second pty hop would add to both transports alike and blur the difference.
 *
 * The master is non-blocking; Java reads it with NativeCalls.read after waitReadable, and writes
 * it with NativeCalls.write. The slave is raw 8N1 from the start (termios ioctls on a master
 * act on its slave), so nothing is echoed or translated before the port's own open sets it up.
 */
#define _GNU_SOURCE
#include <jni.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* Returns the master's descriptor and puts the slave's path, NUL-terminated, into path; or -errno. */
JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_openPtyMaster(JNIEnv *env, jclass cls, jbyteArray path) {
    (void)cls;
    int fd = posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return -errno;
    char name[128];
    struct termios t;
    if (grantpt(fd) < 0 || unlockpt(fd) < 0 || ptsname_r(fd, name, sizeof name) != 0
        || tcgetattr(fd, &t) < 0) {
        int err = errno;
        close(fd);
        return -err;
    }
    cfmakeraw(&t);
    jsize room = (*env)->GetArrayLength(env, path);
    size_t len = strlen(name) + 1;
    if (tcsetattr(fd, TCSANOW, &t) < 0 || (jsize)len > room) {
        int err = (jsize)len > room ? ENAMETOOLONG : errno;
        close(fd);
        return -err;
    }
    (*env)->SetByteArrayRegion(env, path, 0, (jsize)len, (const jbyte *)name);
    return fd;
}

/* 1 when fd has input (or a hang-up/error to read), 0 after timeout_ms without, or -errno. */
JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_waitReadable(JNIEnv *env, jclass cls, jint fd,
                                                                      jint timeout_ms) {
    (void)env; (void)cls;
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int r = poll(&p, 1, timeout_ms);
    if (r < 0) return errno == EINTR ? 0 : -errno;
    return r > 0 ? 1 : 0;
}
