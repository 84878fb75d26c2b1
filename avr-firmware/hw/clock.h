/* The timestamp clock: Timer0 free-running at clk/64 (4 us a tick at 16 MHz) in fast-PWM
 * mode (TOP = 0xFF, so OC0A/OC0B still give PWM), extended to 32 bits by the overflow ISR,
 * which also drives board-side timeouts (timer.c).
 *
 * Reading it: an edge ISR reads TCNT0 first of all (its stub in edge_isr.S) and extends the
 * byte the way clock_stamp() does here. If the overflow ISR is pending (TOV0 set, it cannot run while we
 * are in an ISR) and the byte read is small, the counter wrapped before the read and the high
 * part is one more than clock_hi says. "Small" (< 128) is safe as long as fewer than 128
 * ticks (512 us) pass between the TCNT0 read and the TOV0 read, which the ISRs guarantee.
 *
 * Trade-offs: 4 us resolution and a wrap every 2^32 ticks (4 h 46 min) for one 8-bit timer
 * and an ISR every 1.024 ms (about 1% of the CPU at most, far less in practice). */
#ifndef WW_CLOCK_H
#define WW_CLOCK_H
#include <stdint.h>
#include <avr/io.h>

extern volatile uint32_t clock_hi; /* overflows of Timer0 = ticks >> 8 */

/* Interrupts off (an ISR, or a CRITICAL section): the 32-bit tick for a TCNT0 value read just
 * before. */
static inline __attribute__((always_inline)) uint32_t clock_stamp(uint8_t tcnt)
{
    uint32_t hi = clock_hi;
    if ((TIFR0 & (1 << TOV0)) && tcnt < 128)
        hi++;
    return hi << 8 | tcnt;
}

/* In task context. */
uint32_t clock_now(void);
void clock_init(void);

#endif
