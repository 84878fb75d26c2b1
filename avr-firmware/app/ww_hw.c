/* The runtime's AVR side: the task runner on TASK_USER0, the tick, edge arming, MSG frames both
 * ways. The pure logic is ww_core.c. */
#include <stddef.h>
#include <string.h>
#include "answers.h"
#include "clock.h"
#include "command.h"
#include "critical.h"
#include "edges.h"
#include "executor.h"
#include "protocol.h"
#include "timer.h"
#include "uart.h"
#include "ww.h"
#include "app.h" /* the user's: APP_TASKS(X) */

/* ww_edge_isr.S addresses struct ww_edge by these offsets. */
_Static_assert(offsetof(struct ww_edge, want) == 1 && offsetof(struct ww_edge, mask) == 2 &&
                   offsetof(struct ww_edge, ts) == 3 && offsetof(struct ww_edge, got) == 7,
               "ww_edge_isr.S's offsets");
_Static_assert(sizeof(ww_edge_tab) < 256, "ww_edge_isr.S compares the table's low address byte");

#define DECLARE(name)               \
    struct name;                    \
    extern struct name name##_state; \
    void name##_run(struct name *);
APP_TASKS(DECLARE)

static uint8_t tick_wanted;

ww_ticks ww_now(void) { return clock_now(); }
void ww_need_tick(void) { tick_wanted = 1; }
void ww_wake(void) { wake(TASK_USER0); }

void ww_start(void) { ready |= TASK_USER0; } /* every task runs once at start (interrupts are off) */

uint8_t ww_edge_arm(struct ww_edge *e, uint8_t pin, uint8_t dir)
{
    uint8_t nak = edge_watch(pin, TASK_USER0);
    if (nak)
        return nak;
    CRITICAL { /* e may still be in the table (armed again): the ISR sees want and mask together */
        e->kind = WW_K_EDGE;
        e->want = (uint8_t)(pin | (dir == WW_RISING) << 7);
        e->mask = dir == WW_BOTH ? 0x7F : 0xFF;
        if (!ww_edge_table_add(e)) {
            e->mask = WW_EDGE_IDLE;
            nak = NAK_BUSY;
        }
    }
    return nak;
}

uint8_t msg_send(uint8_t topic, const void *buf, uint8_t n)
{
    uint8_t ok = ww_msgq_put(&ww_out, topic, buf, n);
    if (ok)
        wake(TASK_USER0); /* sent at the end of this pass or the next */
    return ok;
}

/* MSG frames while the TX ring has room for one (the UDRE ISR wakes TASK_USER0 when it has
 * room again): topic, then the messages refused since the last frame (at most 255 a frame; the
 * rest go with the next), then the data. */
static void msg_flush(void)
{
    while (ww_out.n && tx_free() >= MAX_WIRE) {
        struct ww_msg *m = &ww_out.m[0];
        uint8_t p[1 + WW_MSG_MAX], lost = ww_out.lost > 255 ? 255 : (uint8_t)ww_out.lost;
        ww_out.lost -= lost;
        p[0] = lost;
        memcpy(p + 1, m->data, m->len);
        tx_commit(answer_send(&tx, ANS_MSG, m->topic, p, (uint8_t)(1 + m->len)));
        ww_out.n--;
        memmove(&ww_out.m[0], &ww_out.m[1], ww_out.n * sizeof ww_out.m[0]);
    }
}

/* MSG from the host: topic, then 0..WW_MSG_MAX bytes. ACKed once queued; NAKed busy (detail:
 * the topic) when WW_MSG_DEPTH messages wait, so the host counts it: never a silent loss. */
uint8_t ww_msg_command(const struct command *c, uint8_t *detail)
{
    uint8_t n = (uint8_t)(c->data_len - 1); /* data_len >= 1 (command.c's limits) */
    if (n > WW_MSG_MAX) {
        *detail = c->data_len;
        return NAK_BAD_LENGTH;
    }
    if (!ww_msgq_put(&ww_in, c->data[0], c->data + 1, n)) {
        *detail = c->data[0];
        return NAK_BUSY;
    }
    wake(TASK_USER0);
    tx_commit(answer_ack(&tx, c->req));
    return 0;
}

#define RUN(name) name##_run(&name##_state);

void ww_run(void)
{
    tick_wanted = 0;
    APP_TASKS(RUN)
    msg_flush();
    /* The tick: while some task waits on time, Timer0's overflow wakes the tasks every 1.024 ms;
     * otherwise nothing wakes them but their sources, and the board sleeps. */
    if (tick_wanted)
        timeout_after(TIMEOUT_USER0, 1, TASK_USER0);
    else
        timeout_cancel(TIMEOUT_USER0);
}
