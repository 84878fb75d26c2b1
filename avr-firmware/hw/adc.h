/* Analog reads: ANALOG_READ starts a conversion, the ADC-complete ISR takes the value and the
 * time (adc_isr.S), and TASK_ADC sends the ANALOG answer. One conversion at a time (a second request is
 * NAKed busy); about 104 us each with the /128 prescaler (125 kHz ADC clock at 16 MHz). */
#ifndef WW_ADC_H
#define WW_ADC_H

#define ADC_CONVERTING 1
#define ADC_DONE 2

#ifndef __ASSEMBLER__ /* the states above are shared with adc_isr.S */
#include <stdint.h>

/* Returns 0, or NAK_BUSY / NAK_BAD_ARGUMENT (detail: offset 1, the channel). */
uint8_t adc_start(uint8_t req, uint8_t channel);

#endif /* __ASSEMBLER__ */
#endif
