/* The runtime's pure part: time arithmetic, sources, select, channels, message queues. No AVR
 * header: the host tests (test/test_ww.c) compile it with stubs for ww_now, ww_need_tick and
 * ww_wake; on the AVR those are in ww_hw.c. */
#include <string.h>
#include "critical.h"
#include "ww.h"

struct ww_edge *volatile ww_edge_tab[WW_EDGE_SLOTS];
struct ww_msgq ww_in, ww_out;

uint8_t ww_reached(ww_ticks at)
{
    if (ww_after(ww_now(), at))
        return 1;
    ww_need_tick();
    return 0;
}

/* ---- edges ---- */
uint8_t ww_edge_table_add(struct ww_edge *e)
{
    uint8_t ok = 0;
    CRITICAL {
        for (uint8_t i = 0; i < WW_EDGE_SLOTS; i++)
            if (ww_edge_tab[i] == e)
                ww_edge_tab[i] = 0; /* armed again: one entry is enough */
        for (uint8_t i = 0; i < WW_EDGE_SLOTS && !ok; i++)
            if (!ww_edge_tab[i]) {
                ww_edge_tab[i] = e;
                ok = 1;
            }
    }
    return ok;
}

uint8_t ww_edges_armed(void)
{
    uint8_t n = 0;
    for (uint8_t i = 0; i < WW_EDGE_SLOTS; i++)
        n += ww_edge_tab[i] != 0;
    return n;
}

/* The C twin of ww_edge_isr.S: the first armed wait that matches takes the edge's tick and
 * leaves the table (one edge can complete several waits: every one that matches). */
void ww_edge_seen(uint8_t pinlevel, ww_ticks ts)
{
    for (uint8_t i = 0; i < WW_EDGE_SLOTS; i++) {
        struct ww_edge *e = ww_edge_tab[i];
        if (e && !((e->want ^ pinlevel) & e->mask)) {
            e->ts = ts;
            e->got = pinlevel;
            e->mask = WW_EDGE_FIRED;
            ww_edge_tab[i] = 0;
        }
    }
}

static void edge_cancel(struct ww_edge *e)
{
    CRITICAL {
        for (uint8_t i = 0; i < WW_EDGE_SLOTS; i++)
            if (ww_edge_tab[i] == e)
                ww_edge_tab[i] = 0;
        e->mask = WW_EDGE_IDLE;
    }
}

/* ---- timers ---- */
void ww_timer_at(struct ww_timer *t, ww_ticks at)
{
    t->kind = WW_K_TIMER;
    t->at = at;
    t->armed = 1;
}

/* ---- signals ---- */
void ww_signal_raise_isr(struct ww_signal *s, uint16_t value)
{
    s->value = value;
    s->set = 1;
}

void ww_signal_raise(struct ww_signal *s, uint16_t value)
{
    CRITICAL { ww_signal_raise_isr(s, value); }
    ww_wake();
}

uint8_t ww_signal_take(struct ww_signal *s, uint16_t *value)
{
    uint8_t set;
    CRITICAL {
        set = s->set;
        s->set = 0;
        if (value)
            *value = s->value;
    }
    return set;
}

/* ---- channels: SPSC, the producer writes head, the consumer tail ---- */
void ww_chan_init(struct ww_chan *c, uint8_t *buf, uint8_t depth, uint8_t size)
{
    c->kind = WW_K_CHAN;
    c->head = c->tail = 0;
    c->mask = (uint8_t)(depth - 1);
    c->size = size;
    c->lost = 0;
    c->buf = buf;
}

uint8_t ww_chan_send_isr(struct ww_chan *c, const void *item)
{
    uint8_t h = c->head;
    if ((uint8_t)(h - c->tail) > c->mask) {
        if (c->lost != 0xFF)
            c->lost++;
        return 0;
    }
    memcpy(c->buf + (uint8_t)(h & c->mask) * c->size, item, c->size);
    c->head = (uint8_t)(h + 1); /* published after the item is written */
    return 1;
}

uint8_t ww_chan_send(struct ww_chan *c, const void *item)
{
    uint8_t ok;
    CRITICAL { ok = ww_chan_send_isr(c, item); } /* lost is shared with an ISR producer's */
    if (ok)
        ww_wake();
    return ok;
}

uint8_t ww_chan_recv(struct ww_chan *c, void *item)
{
    uint8_t t = c->tail;
    if (t == c->head)
        return 0;
    memcpy(item, c->buf + (uint8_t)(t & c->mask) * c->size, c->size);
    c->tail = (uint8_t)(t + 1);
    return 1;
}

/* ---- message queues: FIFO per topic in one small array (task context only) ---- */
uint8_t ww_msgq_put(struct ww_msgq *q, uint8_t topic, const uint8_t *data, uint8_t n)
{
    if (q->n >= WW_MSG_DEPTH || n > WW_MSG_MAX) {
        if (q->lost != 0xFFFF)
            q->lost++;
        return 0;
    }
    struct ww_msg *m = &q->m[q->n++];
    m->topic = topic;
    m->len = n;
    memcpy(m->data, data, n);
    return 1;
}

uint8_t ww_msgq_take(struct ww_msgq *q, uint8_t topic, struct ww_msg *m)
{
    for (uint8_t i = 0; i < q->n; i++) {
        if (q->m[i].topic != topic)
            continue;
        m->topic = topic;
        m->len = q->m[i].len;
        memcpy(m->data, q->m[i].data, m->len);
        q->n--;
        memmove(&q->m[i], &q->m[i + 1], (size_t)(q->n - i) * sizeof q->m[0]);
        return 1;
    }
    return 0;
}

uint8_t msg_recv(uint8_t topic, struct ww_msg *m)
{
    return ww_msgq_take(&ww_in, topic, m);
}

/* ---- select ---- */
static uint8_t poll(void *src)
{
    switch (*(uint8_t *)src) {
    case WW_K_EDGE: return ww_edge_fired(src);
    case WW_K_TIMER: {
        struct ww_timer *t = src;
        if (!t->armed)
            return 0;
        if (!ww_reached(t->at))
            return 0;
        t->armed = 0;
        return 1;
    }
    case WW_K_SIGNAL: return ww_signal_take(src, 0);
    case WW_K_CHAN: return ww_chan_count(src) != 0;
    case WW_K_MSG: {
        struct ww_msg *m = src;
        return msg_recv(m->topic, m);
    }
    }
    return 0;
}

void ww_cancel(void *src)
{
    switch (*(uint8_t *)src) {
    case WW_K_EDGE: edge_cancel(src); break;
    case WW_K_TIMER: ((struct ww_timer *)src)->armed = 0; break;
    }
}

uint8_t ww_select(void *const *srcs, uint8_t n)
{
    for (uint8_t i = 0; i < n; i++) {
        if (!poll(srcs[i]))
            continue;
        for (uint8_t j = 0; j < n; j++)
            if (j != i)
                ww_cancel(srcs[j]);
        return i;
    }
    return WW_NONE;
}
