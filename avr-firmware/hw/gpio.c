#include "gpio.h"
#include "critical.h"
#include "pins.h"
#include "protocol.h"

#define REG(addr) (*(volatile uint8_t *)(addr))
#define PORT_REG(d, i) REG(PINREG((d).pinreg) + (i)) /* i: 0 PIN, 1 DDR, 2 PORT */

uint8_t gpio_check(uint8_t pin)
{
    if (pin >= N_PINS || !pgm_read_byte(&pin_table[pin].mask)) /* 0: not usable */
        return NAK_BAD_PIN;
    return 0;
}

/* Disconnects the pin from its PWM timer, as a digital write must. Interrupts are off. */
static void pwm_off(const struct pin_desc *d)
{
    if (d->pwm) { /* two fields read from flash directly: no copy of the entry on the stack */
        const struct pwm_desc *p = &pwm_table[d->pwm - 1];
        REG(pgm_read_word(&p->tccra)) &= (uint8_t)~pgm_read_byte(&p->com);
    }
}

__attribute__((noinline)) void reg_bits(volatile uint8_t *reg, uint8_t mask, uint8_t on)
{
    uint8_t v = (uint8_t)(*reg & ~mask);
    *reg = on ? (uint8_t)(v | mask) : v;
}

uint8_t gpio_write(uint8_t pin, uint8_t level)
{
    struct pin_desc d;
    pin_desc_get(pin, &d);
    CRITICAL {
        pwm_off(&d);
        reg_bits(&PORT_REG(d, 2), d.mask, level);
    }
    return 0;
}

/* An input's pull-up is its PORT bit, so an input mode ends as a digital write of that bit. */
uint8_t gpio_mode(uint8_t pin, uint8_t mode)
{
    struct pin_desc d;
    pin_desc_get(pin, &d);
    CRITICAL { reg_bits(&PORT_REG(d, 1), d.mask, mode == 2); } /* DDR: output for mode 2 */
    return mode == 2 ? 0 : gpio_write(pin, mode);              /* PORT: pull-up for mode 1 */
}

uint8_t gpio_pwm(uint8_t pin, uint8_t duty)
{
    struct pin_desc d;
    pin_desc_get(pin, &d);
    if (!d.pwm)
        return NAK_NOT_CAPABLE;
    if (duty == 0 || duty == 255) /* fast PWM cannot make a clean 0% or 100% */
        return gpio_write(pin, duty != 0);
    struct pwm_desc p;
    memcpy_P(&p, &pwm_table[d.pwm - 1], sizeof p);
    CRITICAL {
        if (p.wide)
            *(volatile uint16_t *)p.ocr = duty; /* high byte first, through TEMP */
        else
            REG(p.ocr) = duty;
        REG(p.tccra) |= p.com;
        PORT_REG(d, 1) |= d.mask; /* the compare output drives the pin only as an output */
    }
    return 0;
}
