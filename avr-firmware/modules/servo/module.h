/* The servo module: SERVO (0x8E) drives hobby servos with 50 Hz pulses (servo.c).
 * - Timer1's compare outputs (Uno D9/D10 = OC1A/OC1B, Mega D11/D12) make the pulse in hardware:
 *   Timer1 is switched to a 20-ms frame (fast PWM, TOP = ICR1, clk/8) while either holds a
 *   servo, so the pwm module's 976-Hz PWM on both pins is refused (NAK busy) until the last of
 *   them is detached, and a servo there is refused while PWM runs on either.
 * - Any other usable pin (up to SERVO_SW_MAX) is pulsed by Timer0's compare-B interrupt, one pin
 *   after the other in the frame, quantised to Timer0's 4-us tick (changed 4 ticks after each
 *   compare match, so that interrupt latency moves neither edge). That needs Timer0 in normal
 *   mode (its OCR0B unbuffered; the clock's overflow unchanged), so PWM on Timer0's pins (Uno
 *   D5/D6, Mega D4/D13) is refused while such a servo is attached, and vice versa.
 * Built in with `make firmware MODULES=servo` (the default builds every module). Hooks as
 * modules/analog/module.h describes. */
#ifndef WW_MODULE_SERVO_H
#define WW_MODULE_SERVO_H

#define MODULE_servo_CAPS CAP_SERVO
#define MODULE_servo_COMMANDS(X) X(CMD_SERVO, servo_command)
#define MODULE_servo_PIN_COMMANDS(X)
#define MODULE_servo_TASKS(X)
#define MODULE_servo_INITS(X)
#define MODULE_servo_TX_WAITERS 0
/* A digital write (or PIN_MODE) on a servo's pin detaches the servo first. */
#define MODULE_servo_PIN_WRITES(X) X(servo_off)

#define SERVO_SW_MAX 8 /* servos pulsed from the compare interrupt */

#ifndef __ASSEMBLER__
#include <stdint.h>
struct command;
uint8_t servo_command(const struct command *c, uint8_t *detail);
void servo_off(uint8_t pin);
/* For the pwm module: NAK_BUSY when a servo holds the pin or its timer channel, else 0. */
uint8_t servo_pwm_check(uint8_t pin);
#endif

#endif
