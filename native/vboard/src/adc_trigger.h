/* The ADC's auto-trigger on Timer1's compare match B, which simavr 1.6 lacks (it implements only
 * free running and logs "unimplemented auto trigger mode" for the rest). */
#ifndef VB_ADC_TRIGGER_H
#define VB_ADC_TRIGGER_H
#include <simavr/sim_avr.h>

/* Starts a conversion on each rising edge of OCF1B while ADATE is set and ADTS selects Timer1
 * compare match B (5), as the hardware does; the firmware must clear the flag for the next one.
 * Call once after avr_init (the hook survives resets). */
void vb_adc_trigger_attach(avr_t *avr);

#endif
