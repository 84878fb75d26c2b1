#include "events.h"
#include "critical.h"
#include "frame_writer.h"
#include "leb128.h"
#include "protocol.h"

/* The LOST markers of every source whose count grew since it was last reported. Written only
 * where the worst case fits (every source, 5 bytes each); a fresh frame always has room:
 * 11 sources (the Mega) x 5 = 55 of the 56 bytes a frame has for records. */
static void put_lost_markers(struct frame_writer *w, struct ev_ring *r, struct drops *d)
{
    CRITICAL {
        for (uint8_t i = 0; i < d->n; i++) {
            uint16_t now = d->count[i], grown = (uint16_t)(now - d->reported[i]);
            if (!grown)
                continue;
            frame_put(w, LOST_MARKER);
            frame_put(w, d->ids[i]);
            frame_put_leb128(w, grown);
            d->reported[i] = now;
        }
        r->lost_pending = 0;
    }
}

uint8_t events_fill(const struct tx_ring_ref *t, struct ev_ring *r, struct drops *d,
                    uint8_t avail, uint32_t now, uint32_t base_ts)
{
    struct frame_writer w;
    uint32_t prev = base_ts;
    frame_begin(&w, t->buf, t->mask, t->head, ANS_EVENTS, t->seq);
    frame_put32(&w, base_ts);
    for (;;) {
        if (ev_ring_loss_here(r)) {
            if (!frame_fits(&w, (uint8_t)(5 * d->n)))
                break; /* the markers open the next frame */
            put_lost_markers(&w, r, d);
        }
        if (!avail)
            break;
        const struct ev_rec *e = ev_ring_peek(r);
        uint32_t ts = ev_rec_ts(e, now), delta = ts - prev;
        if (!frame_fits(&w, (uint8_t)(1 + leb128_len(delta))))
            break;
        frame_put(&w, ev_rec_pinlevel(e));
        frame_put_leb128(&w, delta);
        prev = ts;
        ev_ring_pop(r);
        avail--;
    }
    return frame_end(&w);
}
