/* Timer0 overflow, in assembly (the clock and the timeout slots are timer.c).
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
    pop  r25
    pop  r24
    out  _SFR_IO_ADDR(SREG), r24
    pop  r24
    reti
