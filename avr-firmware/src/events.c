#include "events.h"
#include "critical.h"
#include "leb128.h"
#include "protocol.h"

/* Writes the LOST markers for every source whose count grew since it was last reported,
 * all or none: returns 0 (writing nothing, loss still pending) if they do not fit. */
static uint8_t put_lost_markers(struct frame_writer *w, struct ev_ring *r, struct drops *d)
{
    uint8_t need = 0;
    CRITICAL {
        for (uint8_t i = 0; i < d->n; i++) {
            uint16_t grown = (uint16_t)(d->count[i] - d->reported[i]);
            if (grown)
                need = (uint8_t)(need + 2 + leb128_len(grown));
        }
        if (frame_fits(w, need)) {
            for (uint8_t i = 0; i < d->n; i++) {
                uint16_t now = d->count[i];
                uint16_t grown = (uint16_t)(now - d->reported[i]);
                if (!grown)
                    continue;
                frame_put(w, LOST_MARKER);
                frame_put(w, d->ids[i]);
                frame_put_leb128(w, grown);
                d->reported[i] = now;
            }
            r->lost_pending = 0;
            need = 0;
        }
    }
    return need == 0;
}

uint8_t events_fill(uint8_t *buf, uint8_t mask, uint8_t head, uint8_t seq,
                    struct ev_ring *r, struct drops *d, uint32_t base_ts)
{
    struct frame_writer w;
    uint32_t prev = base_ts;
    frame_begin(&w, buf, mask, head, ANS_EVENTS, seq);
    frame_put32(&w, prev);
    for (;;) {
        if (ev_ring_loss_here(r)) {
            if (!put_lost_markers(&w, r, d))
                break;
            continue;
        }
        if (!ev_ring_count(r))
            break;
        const struct ev_rec *e = ev_ring_peek(r);
        uint32_t delta = e->ts - prev;
        if (!frame_fits(&w, (uint8_t)(1 + leb128_len(delta))))
            break;
        frame_put(&w, e->pinlevel);
        frame_put_leb128(&w, delta);
        prev = e->ts;
        ev_ring_pop(r);
    }
    return frame_end(&w);
}
