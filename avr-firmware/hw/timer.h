/* Board-side timeouts, driven by the Timer0 overflow ISR (clock.h): no timer of their own,
 * so Timer1 and Timer2 stay free for PWM. A slot is armed for a number of overflow periods
 * (1.024 ms each at 16 MHz); while it is armed the ISR wakes the slot's task every period,
 * and timeout_done() (task context) says whether the deadline has passed.
 *
 * Trade-offs: 1.024 ms resolution, at most 127 periods (130 ms; longer waits
 * re-arm), a fixed number of slots (one per task that
 * needs one); a waiting task runs once a period to look (a few cycles), which keeps the ISR
 * to an increment and an OR. */
#ifndef WW_TIMER_H
#define WW_TIMER_H
#include <stdint.h>

#define TIMEOUT_DEBOUNCE 0
#define TIMEOUT_USER0 1
#define N_TIMEOUTS 2

/* Arms slot to wake `task_bits` (not 0) after at least `periods` overflow periods (1..127). */
void timeout_after(uint8_t slot, uint8_t periods, uint8_t task_bits);
void timeout_cancel(uint8_t slot);
/* True once the slot's deadline has passed (or it was never armed); task context. */
uint8_t timeout_done(uint8_t slot);


#endif
