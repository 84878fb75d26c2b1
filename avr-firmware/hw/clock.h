/* The timestamp clock: Timer0 free-running at clk/64 (4 us a tick at 16 MHz) in fast-PWM
 * mode (TOP = 0xFF, so OC0A/OC0B still give PWM), extended to 32 bits by the overflow ISR,
 * which also drives board-side timeouts (timer.c).
 *
 * Reading it: an edge ISR reads TCNT0 first of all (the naked stub in edge_isr.h) and passes
 * the byte to clock_stamp(). If the overflow ISR is pending (TOV0 set, it cannot run while we
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

/* In an ISR (interrupts off): the 32-bit tick for a TCNT0 value read earlier in this ISR. */
static inline __attribute__((always_inline)) uint32_t clock_stamp(uint8_t tcnt)
{
    uint32_t hi = clock_hi;
    if ((TIFR0 & (1 << TOV0)) && tcnt < 128)
        hi++;
    return hi << 8 | tcnt;
}

/* Like clock_stamp, but only the low 24 bits (all an edge record keeps, ring.h): 16-bit
 * arithmetic instead of 32-bit in the edge ISR, which is both smaller and faster. */
static inline __attribute__((always_inline)) __uint24 clock_stamp24(uint8_t tcnt)
{
    typedef uint16_t __attribute__((may_alias)) half;
    uint16_t hi = *(volatile half *)&clock_hi; /* little-endian: the low half */
    if ((TIFR0 & (1 << TOV0)) && tcnt < 128)
        hi++;
    return (__uint24)hi << 8 | tcnt;
}

/* In task context. */
uint32_t clock_now(void);
void clock_init(void);

#endif
