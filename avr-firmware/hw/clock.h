/* The timestamp clock: Timer0 free-running at clk/64 (4 us a tick at 16 MHz) in fast-PWM
 * mode (TOP = 0xFF, so OC0A/OC0B still give PWM), extended to 32 bits by the overflow ISR,
 * which also drives board-side timeouts (timer.c).
 *
 * Reading it, with interrupts off: TCNT0 first, then clock_hi. If the overflow ISR is pending
 * (TOV0 set; it cannot run while interrupts are off) and the byte read is small, the counter
 * wrapped before the read and the high part is one more than clock_hi says. "Small" (< 128) is
 * safe as long as fewer than 128 ticks (512 us) pass between the TCNT0 read and the TOV0 read,
 * which the readers guarantee. The readers: clock_now() for tasks (timer_isr.S), the edge ISR's
 * prologue with the byte its stub read (edge_isr.S), and TASK_ADC with what the ADC ISR copied.
 *
 * The overflow has two takers: its ISR, and the edge ISR, which takes a pending one itself
 * (clock_overflow, timer_isr.S) unless its byte was read before the wrap. Every edge vector has
 * a higher priority than Timer0's, so under back-to-back edges its ISR never ran and clock_hi
 * fell behind, one overflow lost per 1.024 ms (records 2^8 ticks late, 2^24-tick jumps).
 *
 * Trade-offs: 4 us resolution and a wrap every 2^32 ticks (4 h 46 min) for one 8-bit timer
 * and an ISR every 1.024 ms (about 1% of the CPU at most, far less in practice). */
#ifndef WW_CLOCK_H
#define WW_CLOCK_H
#include <stdint.h>
#include <avr/io.h>

extern volatile uint32_t clock_hi; /* overflows of Timer0 = ticks >> 8 */

/* In task context (also inside a critical section): the 32-bit tick now. */
uint32_t clock_now(void);
void clock_init(void);

#endif
