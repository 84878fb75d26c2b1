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
        uint8_t avail = ev_ring_count(&ev_ring); /* counted before now is read (ring.h) */
        uint32_t now = clock_now();
        uint32_t base = avail ? ev_rec_ts(ev_ring_peek(&ev_ring), now) : now;
        tx_commit(events_fill(&tx, &ev_ring, &d, avail, now, base));
    }
}
