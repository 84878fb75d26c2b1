/*
 * The reactor's wait: one epoll set holding an eventfd (cross-thread wakes), a timerfd (the
 * executor's next deadline) and the serial ports' descriptors. Java calls rx_wait() from the
 * thread that parks; it returns the ready ports so that Java reads them, one JNI call per ready
 * port per wake, never one per byte.
 *
 * Each registered port carries a 32-bit token chosen by Java (not its fd), so a descriptor that
 * was closed and reused by the OS can never be mistaken for the port that owned it.
 */
#include <jni.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>

#include "wakewire_reactor.h"

/* Tokens for the two internal descriptors; Java's port tokens are >= 0. */
#define TOKEN_WAKE  (-1)
#define TOKEN_TIMER (-2)
#define MAX_EVENTS 64

struct reactor {
    int epfd;
    int wakefd;   /* eventfd: non-zero counter = an unpark not consumed yet */
    int timerfd;  /* one-shot, relative; left armed when the deadline goes away (a spurious wake later) */
};

static int add_fd(int epfd, int fd, int token, uint32_t events) {
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = events;
    ev.data.u64 = (uint64_t)(uint32_t)token;
    return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
}

JNIEXPORT jlong JNICALL Java_io_wakewire_link_NativeCalls_create(JNIEnv *env, jclass cls) {
    (void)env; (void)cls;
    struct reactor *r = calloc(1, sizeof *r);
    if (r == NULL) return -ENOMEM;
    r->epfd = epoll_create1(EPOLL_CLOEXEC);
    r->wakefd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    r->timerfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (r->epfd < 0 || r->wakefd < 0 || r->timerfd < 0
        || add_fd(r->epfd, r->wakefd, TOKEN_WAKE, EPOLLIN) < 0
        || add_fd(r->epfd, r->timerfd, TOKEN_TIMER, EPOLLIN) < 0) {
        int err = errno;
        if (r->epfd >= 0) close(r->epfd);
        if (r->wakefd >= 0) close(r->wakefd);
        if (r->timerfd >= 0) close(r->timerfd);
        free(r);
        return -(jlong)err;
    }
    return (jlong)(intptr_t)r;
}

JNIEXPORT void JNICALL Java_io_wakewire_link_NativeCalls_destroy(JNIEnv *env, jclass cls, jlong h) {
    (void)env; (void)cls;
    struct reactor *r = (struct reactor *)(intptr_t)h;
    close(r->epfd);
    close(r->wakefd);
    close(r->timerfd);
    free(r);
}

/* Any thread. The eventfd counter is the permit: a wake before the wait is kept. */
JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_wake(JNIEnv *env, jclass cls, jlong h) {
    (void)env; (void)cls;
    struct reactor *r = (struct reactor *)(intptr_t)h;
    uint64_t one = 1;
    /* EAGAIN means the counter is saturated: a wake is pending anyway. */
    if (write(r->wakefd, &one, sizeof one) < 0 && errno != EAGAIN) return -errno;
    return 0;
}

JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_register(JNIEnv *env, jclass cls, jlong h,
                                                                   jint fd, jint token, jboolean readable) {
    (void)env; (void)cls;
    struct reactor *r = (struct reactor *)(intptr_t)h;
    return add_fd(r->epfd, fd, token, (readable ? EPOLLIN : 0) | EPOLLRDHUP) < 0 ? -errno : 0;
}

/* Turns EPOLLIN off while the port's receive buffer is full (level-triggered input would spin),
   and on again once the consumer has read. Hang-ups are reported either way. */
JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_modify(JNIEnv *env, jclass cls, jlong h,
                                                                 jint fd, jint token, jboolean readable) {
    (void)env; (void)cls;
    struct reactor *r = (struct reactor *)(intptr_t)h;
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = (readable ? EPOLLIN : 0) | EPOLLRDHUP;
    ev.data.u64 = (uint64_t)(uint32_t)token;
    return epoll_ctl(r->epfd, EPOLL_CTL_MOD, fd, &ev) < 0 ? -errno : 0;
}

JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_unregister(JNIEnv *env, jclass cls, jlong h, jint fd) {
    (void)env; (void)cls;
    struct reactor *r = (struct reactor *)(intptr_t)h;
    return epoll_ctl(r->epfd, EPOLL_CTL_DEL, fd, NULL) < 0 ? -errno : 0;
}

static int arm_timer(int timerfd, jlong wait_nanos) {
    struct itimerspec its;
    memset(&its, 0, sizeof its);
    its.it_value.tv_sec = (time_t)(wait_nanos / 1000000000LL);
    its.it_value.tv_nsec = (long)(wait_nanos % 1000000000LL);
    return timerfd_settime(timerfd, 0, &its, NULL);
}

/*
 * Waits until a wake, the timer, or port readiness. wait_nanos > 0 arms the one-shot timer that
 * long from now first (one timerfd_settime); 0 only looks; < 0 waits with the timer as it is,
 * armed earlier or not: Java arms it only when its deadline moves earlier than the armed one, so a
 * park whose deadline did not change costs no syscall but the epoll_wait. out[0] gets the flags
 * (bit 0: woken, bit 1: timer fired, which also means it is disarmed now), then one (token, epoll
 * events) pair per ready port. Returns the number of pairs, or -errno.
 */
JNIEXPORT jint JNICALL Java_io_wakewire_link_NativeCalls_await(JNIEnv *env, jclass cls, jlong h,
                                                               jlong wait_nanos, jintArray out) {
    (void)cls;
    struct reactor *r = (struct reactor *)(intptr_t)h;
    struct epoll_event events[MAX_EVENTS];
    jint pairs[2 * MAX_EVENTS + 1];
    int timeout_ms = wait_nanos == 0 ? 0 : -1;
    if (wait_nanos > 0 && arm_timer(r->timerfd, wait_nanos) < 0) return -errno;
    int n;
    do {
        n = epoll_wait(r->epfd, events, MAX_EVENTS, timeout_ms);
    } while (n < 0 && errno == EINTR);
    if (n < 0) return -errno;
    jint flags = 0, count = 0;
    uint64_t drained;
    for (int i = 0; i < n; i++) {
        int32_t token = (int32_t)(uint32_t)events[i].data.u64;
        if (token == TOKEN_WAKE) {
            /* consume the permit; concurrent wakes after this read stay for the next wait */
            if (read(r->wakefd, &drained, sizeof drained) > 0) flags |= 1;
        } else if (token == TOKEN_TIMER) {
            if (read(r->timerfd, &drained, sizeof drained) > 0) flags |= 2;
        } else {
            pairs[1 + 2 * count] = token;
            pairs[2 + 2 * count] = (jint)events[i].events;
            count++;
        }
    }
    pairs[0] = flags;
    if ((*env)->GetArrayLength(env, out) < 1 + 2 * count) return -EOVERFLOW;
    (*env)->SetIntArrayRegion(env, out, 0, 1 + 2 * count, pairs);
    return count;
}
