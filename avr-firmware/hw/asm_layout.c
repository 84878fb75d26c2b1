/* The compile-time check of asm_layout.h: every offset the assembly ISRs use, against the C
 * structs it names. No code. */
#include <stddef.h>
#include "asm_layout.h"
#include "edges.h"
#include "uart.h"

_Static_assert(offsetof(struct pin_edges, window) == PE_WINDOW, "asm_layout.h: PE_WINDOW");
_Static_assert(offsetof(struct pin_edges, taken_at) == PE_TAKEN_AT, "asm_layout.h: PE_TAKEN_AT");
_Static_assert(sizeof(struct ev_rec) == 4, "edge_isr.S stores 4-byte records");
_Static_assert(offsetof(struct ev_ring, head) == RING_HEAD, "asm_layout.h: RING_HEAD");
_Static_assert(offsetof(struct ev_ring, tail) == RING_TAIL, "asm_layout.h: RING_TAIL");
_Static_assert(offsetof(struct ev_ring, lost_at) == RING_LOST_AT, "asm_layout.h: RING_LOST_AT");
_Static_assert(offsetof(struct ev_ring, lost_pending) == RING_LOST_PENDING, "asm_layout.h: RING_LOST_PENDING");
_Static_assert(offsetof(struct tx_ring_ref, head) == TXR_HEAD, "asm_layout.h: TXR_HEAD");
_Static_assert(offsetof(struct tx_ring_ref, seq) == TXR_SEQ, "asm_layout.h: TXR_SEQ");
_Static_assert(offsetof(struct link_stats, rx_overruns) == LS_RX_OVERRUNS, "asm_layout.h: LS_RX_OVERRUNS");
