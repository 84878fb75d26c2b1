/* The analog module: ANALOG_READ, one ADC conversion answered with its value and the board
 * tick of its completion (adc.c, adc_isr.S). Built in with `make firmware MODULES=analog`
 * (the default); without it the core has no ADC code, vector, task or state at all.
 *
 * How a module hooks into the core: firmware.mk writes a modules.h that includes this header
 * for each module in MODULES and joins their hooks; each hook below is one list the core
 * expands at one place (dispatch.c's command switch, executor.c's task calls, main.c's inits,
 * HELLO's capabilities, the UART's wake list). A module that is not built in adds nothing.
 * Numbers only outside the C part: the assembly includes this through executor.h. */
#ifndef WW_MODULE_ANALOG_H
#define WW_MODULE_ANALOG_H

/* HELLO's capability bits (protocol.h) this module brings. */
#define MODULE_analog_CAPS CAP_ANALOG
/* Its commands: X(command type, handler); the handler returns 0 (answered or will answer) or a
 * NAK code with *detail set, as dispatch.c's own cases do. */
#define MODULE_analog_COMMANDS(X) X(CMD_ANALOG_READ, adc_command)
/* Its commands that act on a pin and are only ACKed (the core checks the pin): none. */
#define MODULE_analog_PIN_COMMANDS(X)
/* Its tasks: X(ready bit, function); the bit is reserved for it in executor.h. */
#define MODULE_analog_TASKS(X) X(TASK_ADC, task_adc)
/* Its start-up calls, before interrupts are on: X(function). None: a conversion sets the ADC up. */
#define MODULE_analog_INITS(X)
/* The tasks the UART's UDRE ISR wakes when the TX ring has room again (they wait for it). */
#define MODULE_analog_TX_WAITERS TASK_ADC
/* Called as X(f) -> f(pin), interrupts off, before a digital write takes a pin. None. */
#define MODULE_analog_PIN_WRITES(X)

#ifndef __ASSEMBLER__
#include <stdint.h>
struct command;
uint8_t adc_command(const struct command *c, uint8_t *detail);
void task_adc(void);
#endif

#endif
