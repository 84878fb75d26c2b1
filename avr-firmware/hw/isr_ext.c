/* External interrupts INTn: a TCNT0-first stub each (edge_isr.h); sense bits: edges_arm(). */
#include "edge_isr.h"
#include "pins.h"

EDGE_ISR(INT0_vect, 0)
EDGE_ISR(INT1_vect, 1)
#if N_INT > 2
EDGE_ISR(INT2_vect, 2)
EDGE_ISR(INT3_vect, 3)
EDGE_ISR(INT4_vect, 4)
EDGE_ISR(INT5_vect, 5)
#endif
