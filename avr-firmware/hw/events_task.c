/* TASK_EVENTS: drains the event ring into EVENTS frames.
 *
 * When: at once if the UART has nothing queued; while it is still sending, only once
 * EV_MIN_BATCH records wait (and a whole frame fits in the TX ring). An edge is thus never
 * held back for company while the line is idle: it waits only behind bytes already queued,
 * which it could not overtake anyway. What it buys: at high rates frames carry more edges,
 * so fewer bytes per edge go on the wire and fewer cycles are spent on frame overhead, which
 * is what lets the 328P sustain 20,000 edges/s at 1 Mbaud. The UDRE ISR wakes this task when
 * the TX ring empties, and every edge wakes it, so the rule needs no timer.
 *
 * On a sleeping board the edge ISR does not wait for this task: it sends the frame's first
 * byte itself (edge_isr.S), and this task, which runs first of all tasks, writes the rest. */
#include "clock.h"
#include "edges.h"
#include "events.h"
#include "executor.h"
#include "protocol.h"
#include "uart.h"

static uint16_t drops_reported[N_SOURCES];

void task_events(void)
{
    struct drops d = {N_SOURCES, source_ids, drop_count, drops_reported};
    /* When the edge ISR has already put this frame's first byte on the line (edge_isr.S: a
     * sleeping board, an idle UART), the frame must be written now: the ring holds its first
     * record and the TX ring is empty. */
    if (!tx_started()) {
        uint8_t n = ev_ring_count(&ev_ring), room = tx_free(); /* each read once */
        if ((!n && !ev_ring_loss_here(&ev_ring)) || room < MAX_WIRE)
            return; /* nothing to send (events_pending), or no room for a frame */
        if (room != TX_SIZE && n < EV_MIN_BATCH)
            return;
    }
    uint8_t avail = ev_ring_count(&ev_ring); /* counted before now is read (ring.h) */
    uint32_t now = clock_now();
    uint32_t base = avail ? ev_rec_ts(ev_ring_peek(&ev_ring), now) : now;
    tx_commit(events_fill(&tx, &ev_ring, &d, avail, base));
    /* One frame a run, then back to the loop: under sustained edges the ring refills as fast
     * as it drains, and a task that drained it "until empty" never returned, so the loop never
     * fed the watchdog (a reset after 1 s at 18,500+ edges/s). The self-wake brings us back on
     * the next pass, after wdt_reset() and any other ready task. */
    wake(TASK_EVENTS);
}
