/* The event ring: single producer (the edge ISRs, which never nest, so they act as one
 * producer), single consumer (the main loop's events task). Lock-free: the producer only
 * writes head, the consumer only writes tail; both are 8-bit, so reads are atomic.
 *
 * A record is 4 bytes: the low 24 bits of the tick and the pin/level byte. The consumer
 * rebuilds the full 32-bit tick from the current time (ev_rec_ts), which is exact while a
 * record is younger than 2^24 ticks (67 s); the consumer drains the ring within milliseconds
 * and the 1-s watchdog resets a firmware that stopped doing so.
 *
 * A full ring never blocks and never loses silently: the ISR counts the drop (per source,
 * outside the ring) and, for the first drop since the last report, remembers the ring
 * position where the loss happened (lost_at = head). From then on it drops (and counts) every
 * edge until the consumer's tail reaches that position and writes the LOST markers there, so
 * the host sees the loss in stream order and exactly where it was: no record is taken between
 * the first drop and the marker. (The edge ISR does that check first of all, before looking at
 * the pins: dropping is then cheap enough that a storm cannot starve the main loop.)
 *
 * Trade-offs: 32 records = 128 bytes of the 328P's 2 KB; a burst of more than 32 edges that
 * the UART cannot drain in time is lost (counted); once the ring is full, the edges until the
 * marker is written are lost too (up to a frame's time), the price of an exact place. TASK_DEBOUNCE
 * pushes through edge_push, which does not look at lost_pending: a debounced settle can be taken
 * behind the marker's place, with drops counted after it reported before it (early, never late). */
#ifndef WW_RING_H
#define WW_RING_H

#define EV_RING_SIZE 32 /* a power of two, at most 128 */
#define EV_MIN_BATCH 8  /* records worth a frame while the UART is still busy (events_task.c) */
#ifndef __ASSEMBLER__ /* the sizes above are shared with the edge ISR (hw/edge_isr.S) */
#include <stdint.h>

struct ev_rec {
    uint32_t word; /* bits 0-23: tick (low 24 bits); bits 24-31: pinlevel (bit7 level, bits6..0 pin) */
};

struct ev_ring {
    struct ev_rec rec[EV_RING_SIZE];
    volatile uint8_t head;         /* producer: next slot to write (free-running) */
    volatile uint8_t tail;         /* consumer: next slot to read (free-running) */
    volatile uint8_t lost_at;      /* producer sets it (if !lost_pending): head at the first drop */
    volatile uint8_t lost_pending; /* producer sets, consumer clears in a critical section */
};

/* The producer's rule in C. Returns the number of records now in the ring (1..EV_RING_SIZE), or
 * 0 if the ring was full; the caller then counts the drop. On the AVR the edge ISR's edge_push
 * (hw/edge_isr.S) applies this rule in assembly; the host tests fill rings through this one. */
static inline __attribute__((always_inline)) uint8_t ev_ring_push(struct ev_ring *r, uint32_t ts, uint8_t pinlevel)
{
    uint8_t h = r->head, used = (uint8_t)(h - r->tail); /* one read of each index */
    if (used >= EV_RING_SIZE || r->lost_pending) { /* full, or a loss not yet reported */
        if (!r->lost_pending) {
            r->lost_at = h;
            r->lost_pending = 1;
        }
        return 0;
    }
    /* Byte stores, not a 32-bit shift-and-or: in the edge ISR the wide expression tied up
     * eight more registers (each one pushed and popped per edge). Little-endian, as on the
     * AVR and the hosts that run the tests. */
    uint8_t *p = (uint8_t *)&r->rec[h & (EV_RING_SIZE - 1)].word;
    p[0] = (uint8_t)ts;
    p[1] = (uint8_t)(ts >> 8);
    p[2] = (uint8_t)(ts >> 16);
    p[3] = pinlevel;
    r->head = (uint8_t)(h + 1);
    return (uint8_t)(used + 1);
}

/* Consumer side. */
static inline uint8_t ev_ring_count(const struct ev_ring *r) { return (uint8_t)(r->head - r->tail); }
static inline const struct ev_rec *ev_ring_peek(const struct ev_ring *r)
{
    return &r->rec[r->tail & (EV_RING_SIZE - 1)];
}
static inline void ev_ring_pop(struct ev_ring *r) { r->tail = (uint8_t)(r->tail + 1); }
/* True when the next thing in the stream is the place of an unreported loss. (noinline: three
 * callers on the AVR; inlined it cost 12 B.) */
static __attribute__((noinline, unused)) uint8_t ev_ring_loss_here(const struct ev_ring *r)
{
    return r->lost_pending && r->lost_at == r->tail;
}
static inline uint8_t ev_rec_pinlevel(const struct ev_rec *e) { return (uint8_t)(e->word >> 24); }
/* The record's full tick, given a time `now` read after the record was pushed. */
static inline uint32_t ev_rec_ts(const struct ev_rec *e, uint32_t now)
{
    return now - ((now - e->word) & 0xFFFFFFul);
}

#endif /* __ASSEMBLER__ */
#endif
