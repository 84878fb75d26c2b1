/* See adc_trigger.h. The hardware starts a conversion on the rising edge of the trigger's
 * interrupt flag, whether or not that interrupt is enabled; simavr raises the vector's PENDING
 * IRQ when it sets the flag (enabled or not) and lowers it when the flag is cleared (a 1 written
 * to TIFR1), and its ADC starts a conversion on ADC_IRQ_IN_TRIGGER when ADATE is set and none
 * runs. So the rising edge of PENDING, with ADTS = 5, is exactly the trigger. */
#include "adc_trigger.h"
#include <string.h>
#include <simavr/avr_adc.h>
#include <simavr/sim_interrupts.h>

#define ADCSRB_ADDR 0x7B /* both the 328P and the 2560 */
#define ADTS_TIMER1_COMPB 5

static void on_compb_flag(struct avr_irq_t *irq, uint32_t value, void *param)
{
    avr_t *avr = param;
    if (!value || irq->value) /* irq->value is still the old level here */
        return;
    if ((avr->data[ADCSRB_ADDR] & 7) != ADTS_TIMER1_COMPB)
        return;
    avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_IN_TRIGGER), 1);
}

void vb_adc_trigger_attach(avr_t *avr)
{
    int vector = strcmp(avr->mmcu, "atmega2560") == 0 ? 18 : 12; /* TIMER1_COMPB */
    avr_irq_t *pending = avr_get_interrupt_irq(avr, (uint8_t)vector);
    if (pending)
        avr_irq_register_notify(pending + AVR_INT_IRQ_PENDING, on_compb_flag, avr);
}
