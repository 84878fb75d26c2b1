/* Loss accounting, both ways, made visible: a MSG on topic 9 with one byte n makes the task send
 * n messages (topic 9, data = their number) in one go. The board holds WW_MSG_DEPTH (4) of them;
 * the rest are refused by msg_send and counted, and the next MSG frame's `lost` says how many.
 * Messages on topic 10 are never taken: the host's fifth one is NAKed busy. */
#include "ww.h"

struct burst {
    WW_TASK_STATE;
    struct ww_msg m;
    uint8_t i, sent;
};

WW_TASK(burst)
{
    WW_BEGIN();
    for (;;) {
        WW_AWAIT_MSG(9, &self->m);
        self->sent = 0;
        for (self->i = 0; self->i < self->m.data[0]; self->i++)
            self->sent += msg_send(9, &self->i, 1);
        /* the board's own count of what it queued, after the burst has gone out */
        WW_AWAIT(!ww_out.n);
        msg_send(11, &self->sent, 1);
    }
    WW_END();
}
