/*
 * pty_link: the board's serial port as a pseudo-terminal, the way a host sees a USB-serial
 * adapter.
 *
 * The slave side (/dev/pts/N) is what the host opens (jssc, the native reactor, screen);
 * it is set raw once here and keeps those settings across opens. Nobody holds the slave
 * open in this process, so the master reports POLLHUP while no host is connected: then the
 * link keeps up to 4 KiB of board output (like an adapter's buffer, so the boot HELLO waits
 * for a host that opens the port a little late) and counts what it has to drop. A host may
 * close and reopen the port at any time; the board keeps running.
 *
 * All calls are non-blocking and belong in the simulation thread (a cycle timer).
 */
#ifndef VB_PTY_LINK_H
#define VB_PTY_LINK_H

#include <stddef.h>
#include <stdint.h>

#include "byte_queue.h"

typedef struct vb_pty {
    int master;
    char path[64];
    int connected;          /* a host has the slave open */
    vb_byte_queue out;      /* board bytes not yet written to the master */
    uint64_t to_host;       /* bytes written to the master */
    uint64_t from_host;     /* bytes read from the master */
} vb_pty;

int vb_pty_open(vb_pty *p, char *err, size_t errlen);
void vb_pty_close(vb_pty *p);
/* Board-to-host bytes (the board's UART output, or injected garbage). */
void vb_pty_queue(vb_pty *p, const uint8_t *data, size_t n);
/*
 * Notices a host coming or going (returns +1 / -1, and does no I/O in that call), else writes
 * what is queued and reads up to `room` host bytes into in[] (*n_in). Never blocks.
 */
int vb_pty_service(vb_pty *p, uint8_t *in, size_t room, size_t *n_in);

#endif
