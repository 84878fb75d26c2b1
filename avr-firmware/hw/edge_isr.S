/* The edge interrupts, in assembly: pin change -> timestamp -> ring record -> ready bit, and
 * on a sleeping board, the first byte of the EVENTS frame straight onto the line.
 *
 * Why assembly: this is the firmware's hottest and most time-critical path. As C (a shared
 * `signal` handler behind TCNT0-first stubs) it took ~260 cycles an edge and 610 B of flash,
 * most of it avr-gcc saving 25 registers; here an edge costs ~150 cycles and the file ~300 B.
 * Everything else stays C; what this file shares with it is named in asm_layout.h and
 * checked at compile time in edges.c.
 *
 * 1. A stub per vector (INTn, pin-change group g) saves one register and reads TCNT0 three
 *    cycles after the vector: pin change to the timer read is ~2 (input sync) + up to 4
 *    (current instruction; +4 from sleep) + 4 (response; 5 on the 2560) + 3 (vector jmp) +
 *    3 = under 25 cycles. It puts its source number n in r18 (n < N_INT: INTn; else group
 *    n - N_INT) and joins edge_common.
 * 2. edge_common takes a pending Timer0 overflow itself (its ISR has a lower priority and would
 *    starve under back-to-back edges), then, while a loss waits to be reported (ring.h), only
 *    counts the edge as a drop and returns (the storm path, ~90 cycles). Otherwise it extends
 *    TCNT0 to the 32-bit tick, finds the changed pins (an INT is one pin; a pin-change group
 *    compares its input byte with the last one seen; none changed means two changes merged:
 *    two drops), and for each: wakes edge_watch() tasks, applies the debounce lockout, and if
 *    the direction is armed calls edge_push.
 * 3. edge_push (also called from C, by TASK_DEBOUNCE) stores the 4-byte record, wakes
 *    TASK_EVENTS when the ring was empty or now holds a batch, and counts a drop for the
 *    source when the ring is full (ring.h). When the ring was empty, the CPU was asleep (so
 *    no task is half-way through writing a frame), nothing is queued for the UART and UDR0
 *    is free, it writes the frame's first byte to UDR0 at once: the COBS code of the EVENTS
 *    frame TASK_EVENTS will write (events_first_byte() in src/events.c is the same rule in
 *    C, tested on the host), so the line starts ~10 us after the edge instead of after the
 *    main loop has built the frame.
 *
 * Registers: edge_push follows the C ABI (ts r22..r25, pinlevel r20, source r18) and
 * clobbers only r21, r26, r27 and the flags, which edge_common relies on. */
#include <avr/io.h>
#include PINS_MCU_H
#include "asm_layout.h"
#include "executor.h"
#include "ring.h"

    .section .text.edge_isr, "ax", @progbits

.macro edge_stub n
    push r22
    in   r22, _SFR_IO_ADDR(TCNT0) /* the time first */
    push r18
    ldi  r18, \n
.endm

    .global INT0_vect
INT0_vect:   edge_stub 0
    rjmp edge_common
    .global INT1_vect
INT1_vect:   edge_stub 1
    rjmp edge_common
#if N_INT > 2
    .global INT2_vect
INT2_vect:   edge_stub 2
    rjmp edge_common
    .global INT3_vect
INT3_vect:   edge_stub 3
    rjmp edge_common
    .global INT4_vect
INT4_vect:   edge_stub 4
    rjmp edge_common
    .global INT5_vect
INT5_vect:   edge_stub 5
    rjmp edge_common
#endif
    .global PCINT0_vect
PCINT0_vect: edge_stub N_INT + 0
    rjmp edge_common
    .global PCINT1_vect
PCINT1_vect: edge_stub N_INT + 1
    rjmp edge_common
    .global PCINT2_vect
PCINT2_vect: edge_stub N_INT + 2 /* the last stub runs on into the handler */

/* In: r22 = TCNT0, r18 = source number (both saved by the stub). Registers: r22..r25 the tick,
 * r19 the changed pins still to look at, r28 their levels (bit 0 = the pin under Z), Z the
 * pin numbers in flash, r20 the pin and its level, r21 the pin's state, T: the INT senses one
 * direction only, so the level follows from the armed edge. */
edge_common:
    push r19
    in   r19, _SFR_IO_ADDR(SREG)
    push r19
    push r24
    push r25
    /* Timer0's overflow, if pending, is taken here: its own ISR has a lower priority than every
     * edge vector, so back-to-back edges would starve it, and clock_hi would fall behind by
     * 2^8 ticks an overflow (the 2^24-tick jumps of a burst, once the ring's 24 bits wrapped).
     * A byte read before the wrap (>= 128: 0xFF, a cycle before it) leaves it for the next. */
    sbis _SFR_IO_ADDR(TIFR0), TOV0
    rjmp 1f
    cpi  r22, 128
    brsh 1f
    sbi  _SFR_IO_ADDR(TIFR0), TOV0
    rcall clock_overflow /* r24, r25 */
1:  push r21
    push r26
    push r27
    /* While a loss waits to be reported, every edge is dropped (and counted) at once, without
     * looking at the pins: a storm then costs ~90 cycles an edge instead of ~170, so the main
     * loop keeps running (a storm used to starve it: no frames, no answers), and the LOST marker
     * sits exactly where the edges went missing (records resume after it). */
    lds  r21, ev_ring + RING_LOST_PENDING
    sbrc r21, 0 /* 1 or 0 */
    rjmp drop
    push r20
    push r23
    push r28
    push r29
    push r30
    push r31
    lds  r23, clock_hi
    lds  r24, clock_hi + 1
    lds  r25, clock_hi + 2
    clt
    cpi  r18, N_INT
    brsh pcint_group

    int_bit r19, r18 /* INTn: r19 = 1 << n (the pin map's macro; may use r21) */
    read_int_levels r28
    and  r28, r19
    breq 4f
    ldi  r28, 1
4:  lds  r21, int_sense_forced
    and  r21, r19
    breq 5f
    set
5:  ldi  r19, 1 /* one pin changed */
    mov  r30, r18
    element_of r30, r31, int_pin
    rjmp each_pin

pcint_group:
    mov  r21, r18
    subi r21, N_INT /* the group */
    read_pcint_group r28, r21
    mov  r26, r21
    element_of r26, r27, pcint_last
    ld   r19, X
    st   X, r28
    eor  r19, r28
    brne 1f
    /* An interrupt and no pin of the port changed: a pin changed twice (or 4, 6... times) faster
     * than this ISR came round. Two drops, counted like a full ring's (a LOST marker here),
     * never silent. (Not "no enabled pin changed": a pin disarmed after its change set the flag
     * would count too.) */
    lds  r27, ev_ring + RING_HEAD
    rcall full
    rcall count_drop
    rjmp done
1:  ldi  r26, lo8(PCMSK0) /* PCMSK0..2 are consecutive, below 0x100 */
    add  r26, r21
    ldi  r27, 0
    ld   r26, X
    and  r19, r26 /* changed and enabled */
    brne 6f
    /* No enabled pin changed, though another pin of the port did (no change at all is counted
     * above): an enabled pin changed twice (a pair folded into one interrupt, or changed back
     * before the port was read). With one pin enabled, report it again: the host sees a same-level
     * repeat, which it counts as a merged edge. With several, which one is unknown: nothing is
     * reported (a known limit, in the README). */
    mov  r27, r26 /* r27 is free until each_pin (r21 holds the group) */
    dec  r27
    and  r27, r26
    brne 6f
    mov  r19, r26
6:
    mov  r30, r21
    pcint_row r30, r21 /* the group's first entry in pcint_pin (pins_*.h) */
    element_of r30, r31, pcint_pin
    mov  r21, r19
    andi r21, 0x0F
    brne each_pin
    swap r19 /* an idle low nibble in one step */
    swap r28
    adiw r30, 4

each_pin:
    sbrs r19, 0
    rjmp next_pin
    edge_slot r26 /* the pin's slot in pin_edges (pins_*.h) */
    element_of r26, r27, (pin_edges+PE_STATE)
    ld   r21, X
    sbrs r21, ST_WATCHED_BIT
    rjmp 1f
    lds  r29, watch_wake /* r20 is free until the pin is loaded again: no r0 to save */
    in   r20, _SFR_IO_ADDR(GPIOR0)
    or   r20, r29
    out  _SFR_IO_ADDR(GPIOR0), r20
1:  lpm  r20, Z
    brts 2f /* r20 = level << 7 | pin */
    sbrc r28, 0
    ori  r20, 0x80
    rjmp 3f
2:  sbrc r21, 0 /* one direction sensed: EDGE_RISING armed means it rose */
    ori  r20, 0x80
3:
#ifdef MODULE_EDGE_HOOK /* the app runtime's edge waits (app/ww_edge_isr.S); nothing without it */
    sbrc r21, ST_WATCHED_BIT
    rcall MODULE_EDGE_HOOK /* r20 = level << 7 | pin, r22..r25 the tick; changes r29, flags */
#endif
    subi r26, lo8(-(PE_WINDOW - PE_STATE))
    sbci r27, hi8(-(PE_WINDOW - PE_STATE))
    ld   r29, X
    tst  r29
    breq report /* no debounce */
    subi r26, lo8(PE_WINDOW - PE_STATE)
    sbci r27, hi8(PE_WINDOW - PE_STATE)
    sbrs r21, ST_LOCKED_BIT
    rjmp take
    ori  r21, ST_PENDING /* inside the window: TASK_DEBOUNCE looks again when it closes */
    st   X, r21
    rjmp next_pin
take:
    andi r21, ~ST_LEVEL & 0xFF
    sbrc r20, 7
    ori  r21, ST_LEVEL
    ori  r21, ST_LOCKED
    st   X, r21
    subi r26, lo8(-(PE_TAKEN_AT - PE_STATE))
    sbci r27, hi8(-(PE_TAKEN_AT - PE_STATE))
    st   X, r23 /* the overflow period: tick >> 8, low byte */
    sbi  _SFR_IO_ADDR(GPIOR0), TASK_DEBOUNCE_BIT /* to time the window */
report:
    /* armed for this direction? EDGE_RISING (bit 0) for a high level, EDGE_FALLING (bit 1) for a low */
    sbrs r20, 7
    lsr  r21
    sbrc r21, 0
    rcall edge_push
next_pin:
    adiw r30, 1
    lsr  r28
    lsr  r19
    brne each_pin
done:
    pop  r31
    pop  r30
    pop  r29
    pop  r28
    pop  r23
    pop  r20
exit:
    pop  r27
    pop  r26
    pop  r21
    pop  r25
    pop  r24
    pop  r19
    out  _SFR_IO_ADDR(SREG), r19
    pop  r19
    pop  r18
    pop  r22
    reti

/* A pin-change group keeps its input byte current, so that the first change after the loss
 * is found against the right levels; edge_watch() tasks are woken (a wake may be spurious,
 * never missing: they look at their pins); then the drop is counted, one per interrupt. */
drop:
    mov  r21, r18
    subi r21, N_INT /* the group; carry: an INTn */
    brlo 1f
    read_pcint_group r24, r21
    mov  r26, r21
    element_of r26, r27, pcint_last
    st   X, r24
1:  lds  r24, watch_wake
    in   r25, _SFR_IO_ADDR(GPIOR0)
    or   r25, r24
    out  _SFR_IO_ADDR(GPIOR0), r25
    rcall count_drop
    rjmp exit

/* void edge_push(uint32_t ts, uint8_t pinlevel, uint8_t source): interrupts off. */
    .global edge_push
edge_push:
    lds  r27, ev_ring + RING_HEAD
    lds  r21, ev_ring + RING_TAIL
    mov  r26, r27
    sub  r26, r21 /* records in the ring */
    cpi  r26, EV_RING_SIZE
    brsh full
    cpi  r26, EV_MIN_BATCH - 1
    breq wake_events
    tst  r26
    brne store

    /* The ring was empty. Start the line now if the board was asleep (SE: between the
     * executor's sleep_enable and sleep_disable, so no task is writing a frame), no loss waits
     * to open the frame, no frame is queued (TX head == tail) and UDR0 is free. */
    in   r21, _SFR_IO_ADDR(SMCR)
    sbrs r21, SE
    rjmp wake_events
    lds  r21, ev_ring + RING_LOST_PENDING
    tst  r21
    brne wake_events
    lds  r21, tx + TXR_HEAD
    in   r26, _SFR_IO_ADDR(GPIOR1)
    cp   r21, r26
    brne wake_events
    lds  r21, UCSR0A
    sbrs r21, UDRE0
    rjmp wake_events
    inc  r26 /* the byte at the TX head is on its way: TASK_EVENTS writes the rest */
    out  _SFR_IO_ADDR(GPIOR1), r26
    /* The first COBS block is type (0x11), seq, the tick (4 bytes, low first), pinlevel, then
     * the first delta, 0: its code is 1 + the non-zero bytes before the first zero. */
    ldi  r26, 2
    lds  r21, tx + TXR_SEQ
    tst  r21
    breq 1f
    inc  r26
    tst  r22
    breq 1f
    inc  r26
    tst  r23
    breq 1f
    inc  r26
    tst  r24
    breq 1f
    inc  r26
    tst  r25
    breq 1f
    inc  r26
    tst  r20
    breq 1f
    inc  r26
1:  sts  UDR0, r26

wake_events:
    sbi  _SFR_IO_ADDR(GPIOR0), TASK_EVENTS_BIT
store:
    /* Interrupts are off in both callers, so the consumer cannot see the new head before the
     * record: publish first, then store (frees r27 for the address). */
    mov  r26, r27
    inc  r27
    sts  ev_ring + RING_HEAD, r27
    andi r26, EV_RING_SIZE - 1
    lsl  r26
    lsl  r26
    element_of r26, r27, ev_ring
    st   X+, r22
    st   X+, r23
    st   X+, r24
    st   X, r20
    ret

full: /* count the drop for the source; the first one since the last report marks the place */
    sbi  _SFR_IO_ADDR(GPIOR0), TASK_EVENTS_BIT
    lds  r21, ev_ring + RING_LOST_PENDING
    tst  r21
    brne 1f
    sts  ev_ring + RING_LOST_AT, r27
    ldi  r21, 1
    sts  ev_ring + RING_LOST_PENDING, r21
1:
count_drop: /* drop_count[r18]++; r21, r26, r27 */
    mov  r26, r18
    lsl  r26
    element_of r26, r27, drop_count
    ld   r21, X
    inc  r21
    st   X+, r21
    brne 2f
    ld   r21, X
    inc  r21
    st   X, r21
2:  ret
