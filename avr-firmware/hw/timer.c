/* Timer0: the timestamp clock (clock.h) and the timeout slots (timer.h). */
#include "clock.h"
#include "timer.h"
#include <avr/interrupt.h>
#include "critical.h"
#include "executor.h"

volatile uint32_t clock_hi;
static volatile uint16_t periods16;           /* low 16 bits of clock_hi, for cheap compares */
static volatile uint8_t armed;                /* bit per slot */
static uint16_t due[N_TIMEOUTS];
static uint8_t owner[N_TIMEOUTS];

void clock_init(void)
{
    TCCR0A = 1 << WGM01 | 1 << WGM00; /* fast PWM, TOP = 0xFF; the COM bits are pwm's */
    TCCR0B = 1 << CS01 | 1 << CS00;   /* clk/64: 4 us at 16 MHz */
    TIMSK0 = 1 << TOIE0;
}

uint32_t clock_now(void)
{
    uint32_t t;
    CRITICAL { t = clock_stamp(TCNT0); }
    return t;
}

ISR(TIMER0_OVF_vect)
{
    clock_hi++;
    uint16_t now = ++periods16;
    uint8_t a = armed;
    if (!a)
        return;
    for (uint8_t i = 0; i < N_TIMEOUTS; i++) {
        if ((a & (1 << i)) && (int16_t)(now - due[i]) >= 0) {
            a &= (uint8_t)~(1 << i);
            wake_from_isr(owner[i]);
        }
    }
    armed = a;
}

void timeout_after(uint8_t slot, uint16_t periods, uint8_t task_bits)
{
    CRITICAL {
        due[slot] = (uint16_t)(periods16 + periods);
        owner[slot] = task_bits;
        armed |= (uint8_t)(1 << slot);
    }
}

void timeout_cancel(uint8_t slot)
{
    CRITICAL { armed &= (uint8_t)~(1 << slot); }
}

uint8_t timeout_done(uint8_t slot) { return !(armed & (1 << slot)); }
