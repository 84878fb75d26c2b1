#include "gpio.h"
#include "critical.h"
#include "pins.h"
#include "protocol.h"

#define REG(addr) (*(volatile uint8_t *)(addr))

uint8_t gpio_check(uint8_t pin)
{
    if (pin >= N_PINS || !pgm_read_byte(&pin_table[pin].mask)) /* 0: not usable */
        return NAK_BAD_PIN;
    return 0;
}

/* Disconnects the pin from its PWM timer, as a digital write must. Interrupts are off. */
static void pwm_off(uint8_t pin)
{
    uint8_t pwm = pgm_read_byte(&pin_table[pin].pwm);
    if (pwm) { /* two fields read from flash directly: no copy of the entry on the stack */
        const struct pwm_desc *p = &pwm_table[pwm - 1];
        REG(pgm_read_word(&p->tccra)) &= (uint8_t)~pgm_read_byte(&p->com);
    }
}

__attribute__((noinline)) void reg_bits(volatile uint8_t *reg, uint8_t mask, uint8_t on)
{
    uint8_t v = (uint8_t)(*reg & ~mask);
    *reg = on ? (uint8_t)(v | mask) : v;
}

/* Sets or clears the pin's bit in its port's register i (0 PIN, 1 DDR, 2 PORT): the one
 * read-modify-write of a pin that modes, writes and PWM need, with two fields from flash. */
static __attribute__((noinline)) void pin_bit(uint8_t pin, uint8_t i, uint8_t on)
{
    const struct pin_desc *d = &pin_table[pin];
    reg_bits(&REG(PINREG(pgm_read_byte(&d->pinreg)) + i), pgm_read_byte(&d->mask), on);
}

uint8_t gpio_write(uint8_t pin, uint8_t level)
{
    CRITICAL {
        pwm_off(pin);
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

uint8_t gpio_pwm(uint8_t pin, uint8_t duty)
{
    uint8_t pwm = pgm_read_byte(&pin_table[pin].pwm);
    if (!pwm)
        return NAK_NOT_CAPABLE;
    if (duty == 0 || duty == 255) /* fast PWM cannot make a clean 0% or 100% */
        return gpio_write(pin, duty != 0);
    struct pwm_desc p;
    memcpy_P(&p, &pwm_table[pwm - 1], sizeof p);
    CRITICAL {
        if (p.wide)
            *(volatile uint16_t *)p.ocr = duty; /* high byte first, through TEMP */
        else
            REG(p.ocr) = duty;
        REG(p.tccra) |= p.com;
        pin_bit(pin, 1, 1); /* the compare output drives the pin only as an output */
    }
    return 0;
}
