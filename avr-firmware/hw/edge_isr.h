/* EDGE_ISR(vector, n): an edge interrupt whose first act is reading TCNT0.
 *
 * A normal ISR's prologue saves every register the handler uses before the first line of C
 * runs (up to ~35 cycles when the handler calls functions). This naked stub saves one
 * register, reads TCNT0 (3 cycles after the vector), parks the byte in edge_tcnt and the
 * stub's number n in edge_src, and jumps to the one shared handler (edge_isr_common in
 * edges.c), an ordinary signal handler with a full prologue and `reti`. 20 bytes a vector
 * instead of ~100 for a handler each.
 * Pin change to TCNT0 read: ~2 cycles input sync + up to 4 to finish the current instruction
 * (+4 when waking from idle sleep) + 4 (5 on the 2560) response + 3 vector jmp + 3 = under 25
 * cycles. Numbering: n < N_INT is INTn; N_INT + g is pin-change group g. */
#ifndef WW_EDGE_ISR_H
#define WW_EDGE_ISR_H
#include <avr/interrupt.h>
#include <avr/io.h>

#define EDGE_ISR(vector, n)                                                               \
    ISR(vector, ISR_NAKED)                                                                \
    {                                                                                     \
        __asm__ __volatile__("push r24\n\t"                                               \
                             "in r24, %0\n\t"                                             \
                             "sts edge_tcnt, r24\n\t"                                     \
                             "ldi r24, %1\n\t"                                            \
                             "sts edge_src, r24\n\t"                                      \
                             "pop r24\n\t"                                                \
                             "jmp __vector_edge_common" ::"I"(_SFR_IO_ADDR(TCNT0)),       \
                             "M"(n));                                                     \
    }

#endif
