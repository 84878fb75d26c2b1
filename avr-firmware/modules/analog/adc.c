/* The analog module's C half: ANALOG_READ starts a conversion, TASK_ADC answers it. */
#include "adc.h"
#include "clock.h"
#include "command.h"
#include "module.h"
#include "executor.h"
#include "pins.h"
#include "protocol.h"
#include "uart.h"

/* adc_state: 0 idle, ADC_CONVERTING, ADC_DONE (set by the ISR). adc_raw: the ISR's copy of
 * TCNT0 and the low three bytes of clock_hi, i.e. the tick before the overflow correction,
 * and adc_tifr its TIFR0 (adc_isr.S; it takes them without arithmetic, so it saves no SREG). */
volatile uint8_t adc_state;
volatile uint32_t adc_raw;
volatile uint8_t adc_tifr;
static uint8_t req_id, chan;

/* ANALOG_READ: NAKs bad_argument (detail: offset 1, the channel) or busy (detail 0). */
uint8_t adc_command(const struct command *c, uint8_t *detail)
{
    uint8_t channel = c->pin;
    *detail = 1;
    if (channel >= N_ADC_CHANNELS)
        return NAK_BAD_ARGUMENT;
    *detail = 0;
    if (adc_state)
        return NAK_BUSY;
    adc_state = ADC_CONVERTING;
    req_id = c->req;
    chan = channel;
    ADMUX = 1 << REFS0 | (channel & 7); /* AVcc reference */
#ifdef MUX5
    ADCSRB = channel & 8 ? 1 << MUX5 : 0;
#endif
    ADCSRA = 1 << ADEN | 1 << ADSC | 1 << ADIE | 1 << ADPS2 | 1 << ADPS1 | 1 << ADPS0;
    return 0;
}

/* The result stays in ADC until the next conversion, which cannot start before task_adc has
 * sent this one (adc_state), so the ISR (adc_isr.S) only takes the time; no result can be
 * overwritten, and the ADC drop source (PROTOCOL.md section 4) stays at 0 on this firmware. */
void task_adc(void)
{
    if (adc_state != ADC_DONE || tx_free() < MAX_ANSWER_WIRE)
        return; /* the UDRE ISR wakes us when there is room */
    uint32_t at = adc_raw;
    if ((adc_tifr & (1 << TOV0)) && (uint8_t)at < 128)
        at += 256; /* Timer0 wrapped before the ISR read it (clock.h) */
    tx_commit(answer_analog(&tx, req_id, chan, ADC, at));
    adc_state = 0;
}
