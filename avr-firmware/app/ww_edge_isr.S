/* ww_edge_isr: the edge ISR's hook for a change of a watched pin (edge_isr.S calls it when the
 * app runtime is built in; MODULE_EDGE_HOOK). Every armed struct ww_edge in ww_edge_tab whose
 * pin and direction match takes the edge's tick and level and leaves the table: the tick is the
 * one the ISR read 3 cycles after the vector, the same clock as the host's EVENTS records.
 * ww_edge_seen() in ww_core.c is the same in C (tested on the host).
 *
 * In: r20 = level << 7 | pin, r22..r25 = the tick; interrupts off. Changes r29 and the flags
 * only (edge_isr.S loads r29 again after the call); never assumes r1 is zero. */
#include <avr/io.h>
#include "ww_config.h"

#define E_WANT 1
#define E_MASK 2
#define E_TS 3
#define E_GOT 7

    .section .text.ww_edge_isr, "ax", @progbits
    .global ww_edge_isr
ww_edge_isr:
    push r18
    push r26
    push r27
    push r30
    push r31
    ldi  r30, lo8(ww_edge_tab)
    ldi  r31, hi8(ww_edge_tab)
1:  ld   r26, Z+
    ld   r27, Z+
    sbiw r26, 0
    breq 2f /* a free entry */
    adiw r26, E_WANT
    ld   r18, X+ /* want */
    eor  r18, r20
    ld   r29, X /* mask */
    and  r18, r29
    brne 2f
    st   X+, r18 /* mask = 0: fired (r18 is 0 here) */
    st   X+, r22 /* ts */
    st   X+, r23
    st   X+, r24
    st   X+, r25
    st   X, r20 /* got */
    st   -Z, r18 /* the entry is free again */
    st   -Z, r18
    adiw r30, 2
2:  cpi  r30, lo8(ww_edge_tab + 2 * WW_EDGE_SLOTS)
    brne 1b
    pop  r31
    pop  r30
    pop  r27
    pop  r26
    pop  r18
    ret
