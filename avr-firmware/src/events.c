#include "events.h"
#include <string.h>
#include "critical.h"
#include "frame_writer.h"
#include "protocol.h"

/* Records are collected in a buffer on the stack and handed to the frame writer in one call:
 * the writer's per-call cost (~40 AVR cycles) is paid once a frame, not once a record. */
struct batch {
    uint8_t n;
    uint8_t bytes[MAX_PAYLOAD + 6]; /* + room for one record that turns out not to fit */
};

/* The LOST markers of every source whose count grew since it was last reported. Written only
 * where the worst case fits (every source, 5 bytes each); a fresh frame always has room:
 * 11 sources (the Mega) x 5 = 55 of the 56 bytes a frame has for records. */
static void put_lost_markers(struct batch *b, struct ev_ring *r, struct drops *d)
{
    uint8_t *o = b->bytes + b->n;
    CRITICAL {
        for (uint8_t i = 0; i < d->n; i++) {
            uint16_t now = d->count[i], grown = (uint16_t)(now - d->reported[i]);
            if (!grown)
                continue;
            o[0] = LOST_MARKER;
            o[1] = flash_byte(&d->ids[i]);
            o += 2 + leb128_encode(o + 2, grown);
            d->reported[i] = now;
        }
        r->lost_pending = 0;
    }
    b->n = (uint8_t)(o - b->bytes);
}

/* The block is type (0x11, non-zero), seq, base_ts (4 bytes, low first), the record's pinlevel,
 * then its delta from base_ts: 0, a zero, so the block is at most 7 bytes and the code at most 8.
 * noinline, and one byte of base_ts at a time: the smallest code avr-gcc makes of it. */
__attribute__((noinline)) uint8_t events_first_byte(const struct ev_ring *r, uint8_t seq, uint32_t base_ts)
{
    if (r->lost_pending)
        return 0; /* the frame may open with LOST markers: rare, not worth predicting */
    uint8_t code = 2, c = seq, pinlevel = ev_rec_pinlevel(ev_ring_peek(r));
    for (uint8_t i = 0; c; i++) { /* COBS code: 1 + the block's non-zero bytes, the type already counted */
        code++;
        if (i == 5)
            break;
        c = i < 4 ? (uint8_t)base_ts : pinlevel;
        base_ts >>= 8;
    }
    return code;
}

/* Deltas are taken from the records' 24-bit ticks alone ((w - prev) mod 2^24, starting from
 * base_ts): records in one frame are never 2^24 ticks apart (ring.h), and on the AVR this is a
 * fraction of the work of rebuilding each 32-bit tick. Every record is written straight into
 * the batch (which has slack for one record past MAX_PAYLOAD) and kept only if it fits: one
 * copy of the fit check. The one shortcut: a one-byte delta is stored without the LEB128 call
 * (12 B of flash for ~30 cycles an edge, 23,000 -> 24,000 edges/s on the Uno). */
uint8_t events_fill(const struct tx_ring_ref *t, struct ev_ring *r, struct drops *d,
                    uint8_t avail, uint32_t base_ts)
{
    struct frame_writer w;
    struct batch b;
    leb_value prev = (leb_value)base_ts;
    memcpy(b.bytes, &base_ts, 4); /* little-endian, as answers.h checks */
    b.n = 4;
    for (;;) {
        if (ev_ring_loss_here(r)) {
            if (b.n + 5 * d->n > MAX_PAYLOAD)
                break; /* the markers open the next frame */
            put_lost_markers(&b, r, d);
        }
        if (!avail)
            break;
        const struct ev_rec *e = ev_ring_peek(r);
        leb_value word = (leb_value)e->word;
        uint8_t *o = b.bytes + b.n;
        o[0] = ev_rec_pinlevel(e);
        leb_value delta = (leb_value)((word - prev) & 0xFFFFFFul);
        o[1] = (uint8_t)delta; /* a delta under 128 ticks (512 us), the common case under load, needs no call */
        uint8_t n = (uint8_t)(b.n + 1 + (delta < 0x80 ? 1 : leb128_encode(o + 1, delta)));
        if (n > MAX_PAYLOAD)
            break;
        b.n = n;
        prev = word;
        ev_ring_pop(r);
        avail--;
    }
    frame_begin(&w, t, ANS_EVENTS);
    frame_put_bytes(&w, b.bytes, b.n);
    return frame_end(&w);
}
