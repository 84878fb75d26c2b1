/* The pwm module: PWM_WRITE, a pin's duty cycle from its timer's compare unit (pwm.c), and the
 * timers it needs (Timer1, Timer2; the Mega's 3, 4, 5 too) set up at start-up. Built in with
 * `make firmware MODULES=pwm` (the default builds every module); without it the core has no PWM
 * code, tables or timer set-up, NAKs PWM_WRITE unknown_command and HELLO lacks CAP_PWM.
 * Hooks as modules/analog/module.h describes; this module also has a pin-write hook. */
#ifndef WW_MODULE_PWM_H
#define WW_MODULE_PWM_H

#define MODULE_pwm_CAPS CAP_PWM
#define MODULE_pwm_COMMANDS(X)
/* Its commands that act on a pin and are ACKed, as the core's PIN_MODE and DIGITAL_WRITE: the
 * core checks the pin (bad_pin, detail the pin), calls f(pin, arg) -> 0 or a NAK code, ACKs. */
#define MODULE_pwm_PIN_COMMANDS(X) X(CMD_PWM_WRITE, pwm_write)
#define MODULE_pwm_TASKS(X)
#define MODULE_pwm_INITS(X) X(pins_init_pwm_timers)
#define MODULE_pwm_TX_WAITERS 0
/* Called as f(pin) with interrupts off before a digital write takes the pin (gpio_write): a
 * digital write must disconnect the pin from its PWM timer. */
#define MODULE_pwm_PIN_WRITES(X) X(pwm_off)

#ifndef __ASSEMBLER__
#include <stdint.h>
struct command;
uint8_t pwm_write(uint8_t pin, uint8_t duty);
void pwm_off(uint8_t pin);
#endif

#endif
