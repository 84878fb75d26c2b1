/* The EVENTS encoder: drains the event ring into one EVENTS frame, delta-encoding timestamps
 * (LEB128) and writing LOST markers where the ring says a loss happened. It batches as many
 * records as fit in one frame and stops when the ring is empty: it never holds an edge back
 * waiting for more (batching comes for free when the UART is busy and the ring fills). */
#ifndef WW_EVENTS_H
#define WW_EVENTS_H
#include <stdint.h>
#include "frame_writer.h"
#include "ring.h"
#include "drops.h"

/* True if there is something to send: a record, or a loss to report. */
static inline uint8_t events_pending(const struct ev_ring *r)
{
    return ev_ring_count(r) != 0 || ev_ring_loss_here(r);
}

/* Writes one EVENTS frame into the TX ring at `head` (the caller has checked MAX_WIRE bytes
 * are free) and returns the new head. The board passes the first record's timestamp as
 * base_ts (or the current time when only a LOST marker is pending), so the first delta is 0. */
uint8_t events_fill(uint8_t *buf, uint8_t mask, uint8_t head, uint8_t seq,
                    struct ev_ring *r, struct drops *d, uint32_t base_ts);

#endif
