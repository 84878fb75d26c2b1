/* External interrupts INTn: one small handler each. Sense bits are set by edges_arm(). */
#include "clock.h"
#include "edge_isr.h"
#include "edges.h"

/* Set by edges_arm: bit n = INTn senses one direction only (its level is implied). */
volatile uint8_t int_sense_forced;

#define INT_BODY(n)                                                                        \
    edge_seen(SRCI_INT(n), clock_stamp(edge_tcnt), int_pin[n], INT_LEVEL(n),              \
              int_sense_forced & (1 << (n)))

EDGE_ISR(INT0_vect, __vector_edge_int0) { INT_BODY(0); }
EDGE_ISR(INT1_vect, __vector_edge_int1) { INT_BODY(1); }
#if N_INT > 2
EDGE_ISR(INT2_vect, __vector_edge_int2) { INT_BODY(2); }
EDGE_ISR(INT3_vect, __vector_edge_int3) { INT_BODY(3); }
EDGE_ISR(INT4_vect, __vector_edge_int4) { INT_BODY(4); }
EDGE_ISR(INT5_vect, __vector_edge_int5) { INT_BODY(5); }
#endif
