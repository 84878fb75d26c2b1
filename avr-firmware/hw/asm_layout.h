/* What the interrupt handlers (the *_isr.S files, assembly) and the C firmware share: the
 * per-pin state bits, and the byte offsets of the C structs the assembly reads and writes.
 * asm_layout.c checks every offset against the structs at compile time, so a change on one
 * side that the other does not follow is a build error, not a corrupted ring.
 *
 * Included by C and by assembly: numbers only. */
#ifndef WW_ASM_LAYOUT_H
#define WW_ASM_LAYOUT_H

/* pin_edges.state[slot] (a pin's slot: pins_*.h's EDGE_SLOT): bits 0-1 the armed edges (EDGE_RISING = 1, EDGE_FALLING = 2); for a
 * debounced pin ST_LEVEL is the level at the last taken change, ST_LOCKED says its window is
 * open (TASK_DEBOUNCE closes it; a flag rather than a time compare, so a pin quiet for longer
 * than the 8-bit period count can wrap is never mistaken for locked), ST_PENDING says a change
 * came while locked; ST_WATCHED: edge_watch() asked for wakes. */
#define ST_EDGES 0x03
#define ST_LEVEL_BIT 2
#define ST_PENDING_BIT 3
#define ST_LOCKED_BIT 4
#define ST_WATCHED_BIT 5
#define ST_LEVEL (1 << ST_LEVEL_BIT)
#define ST_PENDING (1 << ST_PENDING_BIT)
#define ST_LOCKED (1 << ST_LOCKED_BIT)
#define ST_WATCHED (1 << ST_WATCHED_BIT)

/* struct pin_edges (edges.h): three arrays of N_EDGE_SLOTS bytes, one after the other. */
#define PE_STATE 0
#define PE_WINDOW N_EDGE_SLOTS
#define PE_TAKEN_AT (2 * N_EDGE_SLOTS)

/* struct ev_ring (ring.h) after its records. */
#define RING_HEAD (4 * EV_RING_SIZE)
#define RING_TAIL (RING_HEAD + 1)
#define RING_LOST_AT (RING_HEAD + 2)
#define RING_LOST_PENDING (RING_HEAD + 3)

/* struct tx_ring_ref (answers.h): the UART's frame position and seq. The TX ring's read index
 * is GPIOR1 (uart.c). */
#define TXR_HEAD 3
#define TXR_SEQ 4

/* struct link_stats (answers.h): the RX ISR adds its lost bytes here. */
#define LS_RX_OVERRUNS 4

#ifdef __ASSEMBLER__
/* hi:lo = &sym[lo], lo holding a byte index: the one way the ISRs address an array. */
.macro element_of lo, hi, sym
    ldi  \hi, 0
    subi \lo, lo8(-(\sym))
    sbci \hi, hi8(-(\sym))
.endm
#endif

#endif
