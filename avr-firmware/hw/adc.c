#include "adc.h"
#include <avr/interrupt.h>
#include "clock.h"
#include "executor.h"
#include "pins.h"
#include "protocol.h"
#include "uart.h"

static volatile uint8_t busy, done;
static uint8_t req_id, chan;
static uint32_t at;

uint8_t adc_start(uint8_t req, uint8_t channel)
{
    if (channel >= N_ADC_CHANNELS)
        return NAK_BAD_ARGUMENT;
    if (busy)
        return NAK_BUSY;
    busy = 1;
    req_id = req;
    chan = channel;
    ADMUX = 1 << REFS0 | (channel & 7); /* AVcc reference */
#ifdef MUX5
    ADCSRB = channel & 8 ? 1 << MUX5 : 0;
#endif
    ADCSRA = 1 << ADEN | 1 << ADSC | 1 << ADIE | 1 << ADPS2 | 1 << ADPS1 | 1 << ADPS0;
    return 0;
}

/* The result stays in ADC until the next conversion, which cannot start before task_adc has
 * sent this one (busy), so the ISR only takes the time; no result can be overwritten, and the
 * ADC drop source (PROTOCOL.md section 4) stays at 0 on this firmware. */
ISR(ADC_vect)
{
    at = clock_stamp(TCNT0);
    done = 1;
    wake_from_isr(TASK_ADC);
}

void task_adc(void)
{
    if (!done || tx_free() < MAX_ANSWER_WIRE)
        return; /* the UDRE ISR wakes us when there is room */
    tx_commit(answer_analog(&tx, req_id, chan, ADC, at));
    done = 0;
    busy = 0;
}
