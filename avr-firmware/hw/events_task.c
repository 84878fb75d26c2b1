/* TASK_EVENTS: drains the event ring into EVENTS frames while the TX ring has room for a
 * whole frame. Batching needs no timer: while the UART is busy the ring fills, and the next
 * frame carries everything that arrived meanwhile (up to 28 edges). */
#include "clock.h"
#include "edges.h"
#include "events.h"
#include "protocol.h"
#include "uart.h"

static uint16_t drops_reported[N_SOURCES];

void task_events(void)
{
    struct drops d = {N_SOURCES, source_ids, drop_count, drops_reported};
    while (events_pending(&ev_ring) && tx_free() >= MAX_WIRE) {
        uint32_t base = ev_ring_count(&ev_ring) ? ev_ring_peek(&ev_ring)->ts : clock_now();
        struct tx_ring_ref t = tx_ref();
        tx_commit(events_fill(t.buf, t.mask, t.head, t.seq, &ev_ring, &d, base));
    }
}
