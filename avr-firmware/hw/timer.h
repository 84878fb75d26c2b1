/* Board-side timeouts, driven by the Timer0 overflow ISR (clock.h): no timer of their own,
 * so Timer1 and Timer2 stay free for PWM. A slot is armed for a number of overflow periods
 * (1.024 ms each at 16 MHz); when it runs out the ISR disarms it and wakes the slot's task.
 *
 * Trade-offs: 1.024 ms resolution, at most 65 s, a fixed number of slots (one per task that
 * needs one), and the expiry is checked on every overflow while any slot is armed. */
#ifndef WW_TIMER_H
#define WW_TIMER_H
#include <stdint.h>

#define TIMEOUT_DEBOUNCE 0
#define TIMEOUT_USER0 1
#define N_TIMEOUTS 2

/* Arms slot to wake `task_bits` after at least `periods` overflow periods (>= 1). */
void timeout_after(uint8_t slot, uint16_t periods, uint8_t task_bits);
void timeout_cancel(uint8_t slot);
/* True once an armed slot has run out (or was never armed). */
uint8_t timeout_done(uint8_t slot);

/* Overflow periods covering `ticks` 4-us ticks, rounded up, plus one for the partial period. */
static inline uint16_t periods_for_ticks(uint16_t ticks) { return (uint16_t)((ticks >> 8) + 2); }

#endif
