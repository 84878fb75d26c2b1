/*
 * pty_hop: the kernel's own share of byte_to_task, as an anchor for `make bench-reactor`.
 *
 *   pty_hop [measured] [warm-up] [gap_us]
 *
 * A pty pair, the slave raw and watched by epoll, exactly as the native reactor watches a port.
 * A reader thread sleeps in epoll_wait on the slave; the main thread writes an 8-byte frame into
 * the master at a stamped moment, a gap apart; the reader stamps when read() has returned the
 * whole frame. That is the path every transport's byte_to_task starts with, without the JVM, the
 * decoding or a task: the kernel's pty hop (Linux moves pty bytes to the reader through the tty's
 * flush work on a kworker) and one sleeping thread woken. So it is the floor under byte_to_task on
 * a pty on this machine. Prints
 *   METRIC pty_hop_us_p50 <v> us
 *   METRIC pty_hop_us_p99 <v> us
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int cmp_ll(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return x < y ? -1 : x > y;
}

#define FRAME 8

struct reader {
    int ep, slave, warm, total, error;
    long long *lat;
    _Atomic long long sent_at; /* the writer's stamp of the frame in flight */
    _Atomic int done;          /* frames read */
};

/* Sleeps in epoll_wait, reads whole frames, stamps each against the writer's stamp. */
static void *read_frames(void *arg) {
    struct reader *r = arg;
    unsigned char in[64];
    size_t got = 0;
    while (atomic_load(&r->done) < r->total) {
        struct epoll_event ev;
        if (epoll_wait(r->ep, &ev, 1, 2000) < 0 && errno != EINTR) {
            perror("pty_hop: epoll_wait");
            r->error = 1;
            return NULL;
        }
        ssize_t n = read(r->slave, in, sizeof in);
        if (n < 0 && errno != EAGAIN) {
            perror("pty_hop: read");
            r->error = 1;
            return NULL;
        }
        got += n > 0 ? (size_t)n : 0;
        if (got >= FRAME) {
            long long t = now_ns() - atomic_load(&r->sent_at);
            int i = atomic_load(&r->done);
            if (i >= r->warm) r->lat[i - r->warm] = t;
            got -= FRAME;
            atomic_store(&r->done, i + 1);
        }
    }
    return NULL;
}

static int fail(const char *what) {
    fprintf(stderr, "pty_hop: %s: %s\n", what, strerror(errno));
    return 1;
}

int main(int argc, char **argv) {
    int measured = argc > 1 ? atoi(argv[1]) : 3000, warm = argc > 2 ? atoi(argv[2]) : 1000;
    long gap_us = argc > 3 ? atol(argv[3]) : 1000;
    if (measured < 1 || warm < 0 || gap_us < 0) {
        fprintf(stderr, "usage: pty_hop [measured >= 1] [warm-up >= 0] [gap_us >= 0]\n");
        return 2;
    }
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) || unlockpt(master)) return fail("posix_openpt");
    int slave = open(ptsname(master), O_RDWR | O_NOCTTY | O_NONBLOCK);
    if (slave < 0) return fail("open the slave");
    struct termios t;
    if (tcgetattr(slave, &t)) return fail("tcgetattr");
    cfmakeraw(&t);
    if (tcsetattr(slave, TCSANOW, &t)) return fail("tcsetattr");
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = slave};
    if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, slave, &ev)) return fail("epoll");

    struct reader r = {.ep = ep, .slave = slave, .warm = warm, .total = warm + measured,
                       .lat = calloc((size_t)measured, sizeof(long long))};
    pthread_t th;
    if (!r.lat || pthread_create(&th, NULL, read_frames, &r)) return fail("start the reader");
    const unsigned char frame[FRAME] = {0x03, 0x11, 0x2a, 0x05, 0x01, 0x02, 0x03, 0x00};
    struct timespec gap = {.tv_sec = gap_us / 1000000, .tv_nsec = (gap_us % 1000000) * 1000};
    for (int i = 0; i < r.total; i++) {
        nanosleep(&gap, NULL);
        while (atomic_load(&r.done) < i) nanosleep(&gap, NULL); /* the reader is behind: wait */
        atomic_store(&r.sent_at, now_ns());
        if (write(master, frame, sizeof frame) != (ssize_t)sizeof frame) return fail("write");
    }
    pthread_join(th, NULL);
    if (r.error) return 1;
    long long *lat = r.lat;
    qsort(lat, (size_t)measured, sizeof *lat, cmp_ll);
    printf("METRIC pty_hop_us_p50 %.1f us\n", lat[(measured - 1) / 2] / 1000.0);
    printf("METRIC pty_hop_us_p99 %.1f us\n", lat[(measured * 99 - 1) / 100] / 1000.0);
    return 0;
}
