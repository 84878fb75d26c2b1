/* The TWI vector's slot in the vector table (the handler is i2c.c's ISR).
 *
 * The table stops after the core's last vector (start_328p.S, start_2560.S) and each module
 * brings its own tail, linked in module order (firmware.mk): the analog module's ADC slot
 * comes first when it is built in (it then jumps to its handler instead of holding it in its
 * slot), so this tail pads from there, or from the core's end, up to the TWI slot. The linker
 * scripts check that `i2c_vector_slot` lands on the TWI's number. Padding slots are vectors
 * that are never enabled (USART TX, EEPROM ready, analog comparator; on the Mega also the
 * Timer3 and USART1 ones): 8 B on the 328P, 36 B on the Mega. */
#include <avr/io.h>
#include "executor.h"

#ifdef __AVR_ATmega328P__
#ifdef WW_MODULE_ANALOG_H
#define FIRST_FREE 22 /* after the ADC's slot (21) */
#else
#define FIRST_FREE 20 /* after the core's UDRE (19) */
#endif
#elif defined(__AVR_ATmega2560__)
#ifdef WW_MODULE_ANALOG_H
#define FIRST_FREE 30 /* after the ADC's slot (29) */
#else
#define FIRST_FREE 27 /* after the core's USART0 UDRE (26) */
#endif
#endif

    .section .vectors, "ax", @progbits
    .rept (TWI_vect_num - FIRST_FREE) * 2
    nop
    .endr
    .global i2c_vector_slot
i2c_vector_slot:
    jmp  TWI_vect
