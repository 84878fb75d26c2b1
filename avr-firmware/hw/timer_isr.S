/* Timer0 overflow and clock_now(), in assembly (the timeout slots are timer.c).
 *
 * It counts the overflow (clock_hi, the tick's upper 24 bits and beyond; clock.h) and wakes
 * the tasks of the armed timeout slots (timer_waiters). Why assembly: avr-gcc's ISR wrapper
 * saves r0 and r1 and clears r1, none of which this body needs: 66 B here, 78 B as C.
 * In 16-bit halves: the high half changes once every 67 s, and adiw sets Z for the carry. */
#include <avr/io.h>

    .section .text.timer_isr, "ax", @progbits

    .global TIMER0_OVF_vect
TIMER0_OVF_vect:
    push r24
    in   r24, _SFR_IO_ADDR(SREG)
    push r24
    push r25
    rcall clock_overflow
    pop  r25
    pop  r24
    out  _SFR_IO_ADDR(SREG), r24
    pop  r24
    reti

/* One overflow: clock_hi + 1, the timeout tasks woken. Called by the ISR above and by the edge
 * ISR (edge_isr.S), which takes a pending overflow itself: under back-to-back edges this ISR,
 * of lower priority, would not run. Changes r24, r25 and the flags. */
    .global clock_overflow
clock_overflow:
    lds  r24, clock_hi
    lds  r25, clock_hi + 1
    adiw r24, 1
    sts  clock_hi, r24
    sts  clock_hi + 1, r25
    brne 1f
    lds  r24, clock_hi + 2
    lds  r25, clock_hi + 3
    adiw r24, 1
    sts  clock_hi + 2, r24
    sts  clock_hi + 3, r25
1:  lds  r25, timer_waiters
    in   r24, _SFR_IO_ADDR(GPIOR0)
    or   r24, r25
    out  _SFR_IO_ADDR(GPIOR0), r24
    ret

/* uint32_t clock_now(void), task context: the 32-bit tick, read with interrupts off (SREG is
 * restored, so it may be called inside a critical section). TCNT0 first; if the overflow is
 * pending and the byte is small, the counter wrapped before the read and clock_hi is one
 * behind (clock.h). The edge ISR's prologue does the same with the byte its stub read. 36 B;
 * avr-gcc made 54 B of the same C. */
    .global clock_now
clock_now:
    in   r0, _SFR_IO_ADDR(SREG)
    cli
    in   r22, _SFR_IO_ADDR(TCNT0)
    lds  r23, clock_hi
    lds  r24, clock_hi + 1
    lds  r25, clock_hi + 2
    sbis _SFR_IO_ADDR(TIFR0), TOV0
    rjmp 2f
    cpi  r22, 128
    brsh 2f
    subi r23, 0xFF /* + 1, carried up */
    sbci r24, 0xFF
    sbci r25, 0xFF
2:  out  _SFR_IO_ADDR(SREG), r0
    ret
