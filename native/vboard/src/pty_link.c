#define _GNU_SOURCE
#include "pty_link.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

int vb_pty_open(vb_pty *p, char *err, size_t errlen) {
    memset(p, 0, sizeof *p);
    int slave;
    if (openpty(&p->master, &slave, p->path, NULL, NULL) != 0) {
        snprintf(err, errlen, "cannot create a pseudo-terminal: %s", strerror(errno));
        return -1;
    }
    struct termios t;
    tcgetattr(slave, &t);
    cfmakeraw(&t);
    tcsetattr(slave, TCSANOW, &t);
    close(slave); /* the host opens it; while nobody does, the master sees POLLHUP */
    fcntl(p->master, F_SETFL, fcntl(p->master, F_GETFL) | O_NONBLOCK);
    fcntl(p->master, F_SETFD, FD_CLOEXEC);
    if (vb_bq_init(&p->out, 4096) != 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

void vb_pty_close(vb_pty *p) {
    if (p->master > 0) close(p->master);
    p->master = -1;
    vb_bq_free(&p->out);
}

void vb_pty_queue(vb_pty *p, const uint8_t *data, size_t n) { vb_bq_push(&p->out, data, n); }

int vb_pty_service(vb_pty *p, uint8_t *in, size_t room, size_t *n_in) {
    *n_in = 0;
    struct pollfd pf = {.fd = p->master, .events = POLLIN | POLLOUT};
    if (poll(&pf, 1, 0) < 0) return 0;
    int was = p->connected, change = 0;
    p->connected = !(pf.revents & POLLHUP);
    if (p->connected != was) change = p->connected ? 1 : -1;
    /* On a change, no I/O yet: the caller may act first (drop stale output on a reset-on-open). */
    if (!p->connected || change) return change;
    while (p->out.len) {
        size_t n;
        const uint8_t *b = vb_bq_front(&p->out, &n);
        ssize_t w = write(p->master, b, n);
        if (w <= 0) break; /* EAGAIN: the host is slow; the bytes wait here */
        vb_bq_pop(&p->out, (size_t)w);
        p->to_host += (uint64_t)w;
    }
    if ((pf.revents & POLLIN) && room) {
        ssize_t r = read(p->master, in, room);
        if (r > 0) {
            *n_in = (size_t)r;
            p->from_host += (uint64_t)r;
        }
    }
    return change;
}
