#include "gpio.h"
#include "critical.h"
#include "pins.h"
#include "protocol.h"

#define REG(addr) (*(volatile uint8_t *)(addr))

uint8_t gpio_check(uint8_t pin)
{
    if (pin >= N_PINS)
        return NAK_BAD_PIN;
    struct pin_desc d;
    pin_desc_get(pin, &d);
    return d.pinreg ? 0 : NAK_BAD_PIN;
}

/* Disconnects the pin from its PWM timer, as a digital write must. Interrupts are off. */
static void pwm_off(const struct pin_desc *d)
{
    if (d->pwm) {
        struct pwm_desc p;
        memcpy_P(&p, &pwm_table[d->pwm - 1], sizeof p);
        REG(p.tccra) &= (uint8_t)~p.com;
    }
}

uint8_t gpio_mode(uint8_t pin, uint8_t mode)
{
    struct pin_desc d;
    pin_desc_get(pin, &d);
    CRITICAL {
        if (mode == 2) {
            REG(d.pinreg + 1) |= d.mask;               /* DDR: output */
        } else {
            pwm_off(&d);
            REG(d.pinreg + 1) &= (uint8_t)~d.mask;     /* DDR: input */
            if (mode == 1)
                REG(d.pinreg + 2) |= d.mask;           /* PORT: pull-up on */
            else
                REG(d.pinreg + 2) &= (uint8_t)~d.mask;
        }
    }
    return 0;
}

uint8_t gpio_write(uint8_t pin, uint8_t level)
{
    struct pin_desc d;
    pin_desc_get(pin, &d);
    CRITICAL {
        pwm_off(&d);
        if (level)
            REG(d.pinreg + 2) |= d.mask;
        else
            REG(d.pinreg + 2) &= (uint8_t)~d.mask;
    }
    return 0;
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
        REG(d.pinreg + 1) |= d.mask; /* the compare output drives the pin only as an output */
    }
    return 0;
}
