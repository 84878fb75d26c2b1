/* Edge events: what the edge ISRs do with an edge, arming pins, on-board debounce, and the
 * user API for tasks that await a pin (edge_watch).
 *
 * Debounce is a lockout: the first change of a debounced pin is taken at once (and reported
 * if its direction is armed); further changes within the window are not taken; when the
 * window ends, TASK_DEBOUNCE reads the pin and, if it settled at the other level, takes that
 * change with the time it noticed it (so a debounced edge's timestamp can be up to ~1 ms
 * late, never early). Windows are counted in Timer0 overflow periods (1.024 ms): a window is
 * at least the ticks asked for and at most 1.024 ms longer, capped at 255 periods (261 ms).
 * Trade-offs: 3 bytes of RAM per pin that can report edges; a bounce-free edge costs nothing extra. */
#ifndef WW_EDGES_H
#define WW_EDGES_H
#include <stdint.h>
#include "asm_layout.h"
#include "pins.h"
#include "ring.h"

#define EDGE_OFF 0
#define EDGE_RISING 1
#define EDGE_FALLING 2
#define EDGE_BOTH 3

extern struct ev_ring ev_ring;
extern volatile uint16_t drop_count[N_SOURCES];

/* Per edge-capable pin (its slot: EDGE_SLOT in pins_*.h), for the edge ISR (edge_isr.S) and
 * the task-side functions below; bits in asm_layout.h. */
struct pin_edges {
    volatile uint8_t state[N_EDGE_SLOTS];
    uint8_t window[N_EDGE_SLOTS];            /* debounce window in overflow periods, 0 = none */
    volatile uint8_t taken_at[N_EDGE_SLOTS]; /* overflow period of the last taken change */
};

/* The ring's producer (edge_isr.S), interrupts off: stores the record (source = the drop
 * counter's index), wakes TASK_EVENTS, counts a drop when the ring is full, and on a sleeping
 * board starts the UART with the frame's first byte. */
void edge_push(uint32_t ts, uint8_t pinlevel, uint8_t source);

/* Task context: returns 0 or a NAK code (the pin is known valid). */
uint8_t edges_arm(uint8_t pin, uint8_t edges, uint16_t debounce_ticks);

/* User API: wake `task_bits` on every change of pin (whether or not the host armed it).
 * The wake bits are shared: a change of any watched pin wakes every watching task, which
 * looks at the pins it cares about (one flag per pin keeps the edge ISR short). Returns 0,
 * NAK_BAD_PIN, or NAK_NOT_CAPABLE for a pin without an interrupt. */
uint8_t edge_watch(uint8_t pin, uint8_t task_bits);

/* Task context: the pin's level now. */
uint8_t pin_level(uint8_t pin);

#endif
