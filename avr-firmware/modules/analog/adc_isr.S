/* ADC conversion complete, in assembly (the rest of the ADC is adc.c).
 *
 * It only takes the time: TCNT0, TIFR0 and the low three bytes of Timer0's overflow count are
 * copied as they are, and TASK_ADC applies the overflow correction (clock.h) later. No
 * instruction here changes a flag, so SREG needs no saving: 25 cycles and 50 bytes, where the
 * C handler's 32-bit arithmetic took 106 bytes. */
#include <avr/io.h>
#include "adc.h"
#include "executor.h"

#ifdef __AVR_ATmega328P__
/* On the 328P the vector table (start_328p.S) stops after the core's last vector (USART UDRE,
 * 19), so a core without this module has no ADC slot at all. This module brings the table's
 * tail: slot 20 (USART TX complete, never enabled) and then the handler itself in slot 21, the
 * last, where a jmp to it would otherwise sit (4 B saved). The .vectors sections are joined in
 * link order (firmware.mk puts modules after start_328p.S); start_328p.ld fails the link
 * unless ADC_vect lands exactly at slot 21. */
    .section .vectors, "ax", @progbits
    nop
    nop
#elif defined(__AVR_ATmega2560__)
/* The same on the 2560 (start_2560.S ends at USART0 UDRE, 26): slots 27 (USART0 TX) and 28
 * (analog comparator), never enabled, then the handler in slot 29; start_2560.ld checks it. */
    .section .vectors, "ax", @progbits
    nop
    nop
    nop
    nop
#else
    .section .text.adc_isr, "ax", @progbits
#endif
/* `adc_vector_slot`: the slot, which the linker scripts check. When a module with a later
 * vector is built in (i2c: TWI), its tail follows this one, so the slot holds a jmp and the
 * handler moves to .text (4 B more). */
    .global adc_vector_slot
adc_vector_slot:
#ifdef WW_MODULE_I2C_H
    jmp  ADC_vect
    .section .text.adc_isr, "ax", @progbits
#endif

    .global ADC_vect
ADC_vect:
    push r24
#ifdef STREAM_ADC_HOOK
    /* module stream: while auto-trigger (ADATE) is on, the conversion is a sample of its
     * stream. lds, sbrs, pop and jmp leave SREG alone. */
    lds  r24, ADCSRA
    sbrs r24, ADATE
    rjmp 1f
    pop  r24
    jmp  __vector_stream_adc
1:
#endif
    in   r24, _SFR_IO_ADDR(TCNT0)
    sts  adc_raw, r24
    in   r24, _SFR_IO_ADDR(TIFR0)
    sts  adc_tifr, r24
    lds  r24, clock_hi
    sts  adc_raw + 1, r24
    lds  r24, clock_hi + 1
    sts  adc_raw + 2, r24
    lds  r24, clock_hi + 2
    sts  adc_raw + 3, r24
    ldi  r24, ADC_DONE
    sts  adc_state, r24
    sbi  _SFR_IO_ADDR(GPIOR0), TASK_ADC_BIT
    pop  r24
    reti
