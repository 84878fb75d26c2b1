/* Analog reads: ANALOG_READ starts a conversion, the ADC-complete ISR takes the value and the
 * time (adc_isr.S), and TASK_ADC sends the ANALOG answer. One conversion at a time (a second request is
 * NAKed busy); about 104 us each with the /128 prescaler (125 kHz ADC clock at 16 MHz). */
#ifndef WW_ADC_H
#define WW_ADC_H

#define ADC_CONVERTING 1
#define ADC_DONE 2
#define ADC_STREAMING 3 /* module stream: sampling on Timer1's trigger */

/* the states above are shared with adc_isr.S; the functions are in module.h */
#ifndef __ASSEMBLER__
#include <stdint.h>
extern volatile uint8_t adc_state;
#endif
#endif
