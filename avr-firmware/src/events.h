/* The EVENTS encoder: drains the event ring into one EVENTS frame, delta-encoding timestamps
 * (LEB128) and writing LOST markers where the ring says a loss happened. It batches as many
 * records as fit in one frame and stops when the ring is empty: it never holds an edge back
 * waiting for more (batching comes for free when the UART is busy and the ring fills). */
#ifndef WW_EVENTS_H
#define WW_EVENTS_H
#include <stdint.h>
#include "answers.h"
#include "ring.h"
#include "drops.h"

/* True if there is something to send: a record, or a loss to report. */
static inline uint8_t events_pending(const struct ev_ring *r)
{
    return ev_ring_count(r) != 0 || ev_ring_loss_here(r);
}

/* Writes one EVENTS frame into the TX ring (the caller has checked MAX_WIRE bytes are free)
 * and returns the new head. It takes at most `avail` records (the ones counted before the
 * caller read the time it rebuilt base_ts from, ring.h). base_ts must lie less than 2^24 ticks
 * before the first record: deltas are computed in 24 bits. The board passes the first
 * record's tick (or now, when only a LOST marker is pending), so the first delta is 0; a
 * decoder accepts any base_ts. */
uint8_t events_fill(const struct tx_ring_ref *t, struct ev_ring *r, struct drops *d,
                    uint8_t avail, uint32_t base_ts);

/* The first byte on the wire of the frame events_fill() is about to write, known before it is
 * built: the COBS code of the first block, given the frame's seq and base_ts = the first
 * record's tick (as the board passes it); 0 when the frame will open with LOST markers instead.
 * The rule in C, tested on the host against events_fill(): on the AVR the edge ISR applies it in
 * assembly (edge_push in hw/edge_isr.S) to start the UART of a sleeping board at once. */
uint8_t events_first_byte(const struct ev_ring *r, uint8_t seq, uint32_t base_ts);

#endif
