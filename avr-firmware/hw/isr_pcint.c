/* Pin-change interrupts: one handler per group; pcint_group_seen() finds which pins changed
 * by comparing the group's input byte with the one it saw last time. A pin that changes
 * twice before the handler reads the port shows no change: that is the hardware's limit
 * (edges closer than the ISR latency, a few us), not a drop the firmware can count. */
#include "edge_isr.h"
#include "edges.h"

EDGE_ISR(PCINT0_vect, __vector_edge_pcint0) { pcint_group_seen(0, edge_tcnt, PCINT_READ0()); }
EDGE_ISR(PCINT1_vect, __vector_edge_pcint1) { pcint_group_seen(1, edge_tcnt, PCINT_READ1()); }
EDGE_ISR(PCINT2_vect, __vector_edge_pcint2) { pcint_group_seen(2, edge_tcnt, PCINT_READ2()); }
