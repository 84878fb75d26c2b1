/* Pin mode and digital write through the per-MCU pin map (PWM: modules/pwm/). */
#ifndef WW_GPIO_H
#define WW_GPIO_H
#include <stdint.h>

/* Each returns 0 or a NAK code; the pin number is checked by gpio_check first. */
uint8_t gpio_check(uint8_t pin);  /* NAK_BAD_PIN for a number the board does not have or uses */
uint8_t gpio_mode(uint8_t pin, uint8_t mode);
uint8_t gpio_write(uint8_t pin, uint8_t level);

/* Sets or clears the pin's bit in its port's register i (0 PIN, 1 DDR, 2 PORT): the one
 * read-modify-write of a pin that modes, writes and PWM need, with two fields from flash.
 * Interrupts off if an ISR writes the port too. */
void pin_bit(uint8_t pin, uint8_t i, uint8_t on);

/* Sets (on != 0) or clears the mask's bits of a register or RAM byte; the caller keeps
 * interrupts off if an ISR writes the byte too. One out-of-line copy of the read-modify-write
 * that pin modes, writes and interrupt arming all need (flash, not cycles, is scarce there). */
void reg_bits(volatile uint8_t *reg, uint8_t mask, uint8_t on);

#endif
