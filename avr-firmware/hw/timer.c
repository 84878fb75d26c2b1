/* Timer0: the timestamp clock (clock.h) and the timeout slots (timer.h). Its overflow ISR and
 * clock_now() are in timer_isr.S. */
#include "clock.h"
#include "timer.h"
#include "executor.h"

volatile uint32_t clock_hi;
/* Task bits of the armed slots: the overflow ISR (timer_isr.S) wakes them every period. The ISR
 * only counts and wakes; the tasks compare deadlines (timeout_done) themselves. The CPU wakes
 * from idle on this interrupt anyway, so a task woken each period costs little. */
volatile uint8_t timer_waiters;
static uint8_t due[N_TIMEOUTS];
static uint8_t owner[N_TIMEOUTS]; /* the slot's task bits; 0 = not armed */

void clock_init(void)
{
    TCCR0A = 1 << WGM01 | 1 << WGM00; /* fast PWM, TOP = 0xFF; the COM bits are gpio's */
    TCCR0B = 1 << CS01 | 1 << CS00;   /* clk/64: 4 us at 16 MHz */
    TIMSK0 = 1 << TOIE0;
}

/* The low byte of the period count: one byte, so reading it needs no critical section. */
#define PERIODS_NOW() (*(volatile uint8_t *)&clock_hi)

/* timer_waiters is one byte that only this file writes and the ISR only reads: no critical section. */
static void update_waiters(void)
{
    uint8_t w = 0;
    for (uint8_t i = 0; i < N_TIMEOUTS; i++)
        w |= owner[i];
    timer_waiters = w;
}

void timeout_after(uint8_t slot, uint8_t periods, uint8_t task_bits)
{
    due[slot] = (uint8_t)(PERIODS_NOW() + periods);
    owner[slot] = task_bits;
    update_waiters();
}

void timeout_cancel(uint8_t slot)
{
    owner[slot] = 0;
    update_waiters();
}

uint8_t timeout_done(uint8_t slot)
{
    if (owner[slot] && (int8_t)(PERIODS_NOW() - due[slot]) >= 0)
        timeout_cancel(slot);
    return !owner[slot];
}
