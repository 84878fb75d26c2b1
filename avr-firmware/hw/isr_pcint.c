/* Pin-change interrupts: a TCNT0-first stub per group (edge_isr.h). The shared handler
 * (edge_isr_common in edges.c) finds which pins changed by comparing the group's input byte
 * with the one it saw last time. A pin that changes twice before the handler reads the port
 * shows no change: that is the hardware's limit (edges closer than the ISR latency, a few
 * us), not a drop the firmware can count. */
#include "edge_isr.h"
#include "pins.h"

EDGE_ISR(PCINT0_vect, N_INT + 0)
EDGE_ISR(PCINT1_vect, N_INT + 1)
EDGE_ISR(PCINT2_vect, N_INT + 2)
