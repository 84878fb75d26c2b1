/* EDGE_ISR(vector, body): an edge interrupt whose first act is reading TCNT0.
 *
 * A normal ISR's prologue saves every register the handler uses before the first line of C
 * runs (up to ~35 cycles when the handler calls functions). This naked stub saves one
 * register, reads TCNT0 (3 cycles after the vector), parks the byte in edge_tcnt and jumps to
 * the real handler, which is an ordinary signal handler with a full prologue and `reti`.
 * Pin change to TCNT0 read: ~2 cycles input sync + up to 4 to finish the current instruction
 * (+4 when waking from idle sleep) + 4 response + 3 vector jmp + 3 = under 25 cycles.
 *
 * The handler's name must start with __vector (avr-gcc's check for misspelled handlers). */
#ifndef WW_EDGE_ISR_H
#define WW_EDGE_ISR_H
#include <avr/interrupt.h>
#include <avr/io.h>

#define EDGE_ISR(vector, body)                                                            \
    void body(void) __attribute__((signal, used, externally_visible));                   \
    ISR(vector, ISR_NAKED)                                                                \
    {                                                                                     \
        __asm__ __volatile__("push r24\n\t"                                               \
                             "in r24, %0\n\t"                                             \
                             "sts edge_tcnt, r24\n\t"                                     \
                             "pop r24\n\t"                                                \
                             "jmp " #body ::"I"(_SFR_IO_ADDR(TCNT0)));                    \
    }                                                                                     \
    void body(void)

#endif
