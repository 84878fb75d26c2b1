#include "events.h"
#include "critical.h"
#include "frame_writer.h"
#include "protocol.h"

/* Records are collected in a buffer on the stack and handed to the frame writer in one call:
 * the writer's per-call cost (~40 AVR cycles) is paid once a frame, not once a record. */
struct batch {
    uint8_t n;
    uint8_t bytes[MAX_PAYLOAD];
};

/* The LOST markers of every source whose count grew since it was last reported. Written only
 * where the worst case fits (every source, 5 bytes each); a fresh frame always has room:
 * 11 sources (the Mega) x 5 = 55 of the 56 bytes a frame has for records. */
static void put_lost_markers(struct batch *b, struct ev_ring *r, struct drops *d)
{
    CRITICAL {
        for (uint8_t i = 0; i < d->n; i++) {
            uint16_t now = d->count[i], grown = (uint16_t)(now - d->reported[i]);
            if (!grown)
                continue;
            b->bytes[b->n] = LOST_MARKER;
            b->bytes[b->n + 1] = d->ids[i];
            b->n = (uint8_t)(b->n + 2 + leb128_encode(b->bytes + b->n + 2, grown));
            d->reported[i] = now;
        }
        r->lost_pending = 0;
    }
}

uint8_t events_fill(const struct tx_ring_ref *t, struct ev_ring *r, struct drops *d,
                    uint8_t avail, uint32_t now, uint32_t base_ts)
{
    struct frame_writer w;
    struct batch b;
    uint32_t prev = base_ts;
    for (b.n = 0; b.n < 4; b.n++, base_ts >>= 8)
        b.bytes[b.n] = (uint8_t)base_ts;
    for (;;) {
        if (ev_ring_loss_here(r)) {
            if (b.n + 5 * d->n > MAX_PAYLOAD)
                break; /* the markers open the next frame */
            put_lost_markers(&b, r, d);
        }
        if (!avail)
            break;
        const struct ev_rec *e = ev_ring_peek(r);
        uint32_t ts = ev_rec_ts(e, now), delta = ts - prev;
        if (delta < 0x80) { /* the common case at high rates: 2 bytes, no LEB128 loop */
            if (b.n + 2 > MAX_PAYLOAD)
                break;
            b.bytes[b.n] = ev_rec_pinlevel(e);
            b.bytes[b.n + 1] = (uint8_t)delta;
            b.n = (uint8_t)(b.n + 2);
        } else {
            uint8_t rec[6] = {ev_rec_pinlevel(e)};
            uint8_t n = (uint8_t)(1 + leb128_encode(rec + 1, delta));
            if (b.n + n > MAX_PAYLOAD)
                break;
            for (uint8_t i = 0; i < n; i++)
                b.bytes[b.n++] = rec[i];
        }
        prev = ts;
        ev_ring_pop(r);
        avail--;
    }
    frame_begin(&w, t->buf, t->mask, t->head, ANS_EVENTS, t->seq);
    frame_put_bytes(&w, b.bytes, b.n);
    return frame_end(&w);
}
