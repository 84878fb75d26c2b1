#include "gpio.h"
#include "critical.h"
#include "modules.h"
#include "pins.h"
#include "protocol.h"

#define REG(addr) (*(volatile uint8_t *)(addr))

uint8_t gpio_check(uint8_t pin)
{
    if (pin >= N_PINS || !pgm_read_byte(&pin_table[pin].mask)) /* 0: not usable */
        return NAK_BAD_PIN;
    return 0;
}

__attribute__((noinline)) void reg_bits(volatile uint8_t *reg, uint8_t mask, uint8_t on)
{
    uint8_t v = (uint8_t)(*reg & ~mask);
    *reg = on ? (uint8_t)(v | mask) : v;
}

__attribute__((noinline)) void pin_bit(uint8_t pin, uint8_t i, uint8_t on)
{
    const struct pin_desc *d = &pin_table[pin];
    reg_bits(&REG(PINREG(pgm_read_byte(&d->pinreg)) + i), pgm_read_byte(&d->mask), on);
}

uint8_t gpio_write(uint8_t pin, uint8_t level)
{
#define PIN_WRITE_HOOK(f) f(pin);
    CRITICAL {
        MODULE_PIN_WRITES(PIN_WRITE_HOOK) /* the modules' (modules.h): the pwm module's pwm_off */
        pin_bit(pin, 2, level);
    }
    return 0;
}

/* An input's pull-up is its PORT bit, so an input mode ends as a digital write of that bit. */
uint8_t gpio_mode(uint8_t pin, uint8_t mode)
{
    CRITICAL { pin_bit(pin, 1, mode == 2); }      /* DDR: output for mode 2 */
    return mode == 2 ? 0 : gpio_write(pin, mode); /* PORT: pull-up for mode 1 */
}
