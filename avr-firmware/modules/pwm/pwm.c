/* The pwm module's C: PWM_WRITE (a pin command: dispatch.c checks the pin and ACKs; NAKed
 * not_capable for a pin without PWM) and the disconnect a digital write needs (pwm_off). The
 * per-MCU facts are pins_*.c's pin_pwm, pwm_table and pins_init_pwm_timers, linked only here. */
#include <string.h>
#include "critical.h"
#include "gpio.h"
#include "module.h"
#include "modules.h"
#include "pins.h"
#include "protocol.h"

#define REG(addr) (*(volatile uint8_t *)(addr))

/* Disconnects the pin from its PWM timer, as a digital write must. Interrupts are off. */
void pwm_off(uint8_t pin)
{
    uint8_t pwm = pgm_read_byte(&pin_pwm[pin]);
    if (pwm) { /* two fields read from flash directly: no copy of the entry on the stack */
        const struct pwm_desc *p = &pwm_table[pwm - 1];
        REG(pgm_read_word(&p->tccra)) &= (uint8_t)~pgm_read_byte(&p->com);
    }
}

uint8_t pwm_write(uint8_t pin, uint8_t duty)
{
    uint8_t pwm = pgm_read_byte(&pin_pwm[pin]);
    if (!pwm)
        return NAK_NOT_CAPABLE;
#ifdef MODULE_servo_CAPS /* a servo holds the pin or its timer channel (modules/servo/module.h) */
    if ((pwm = servo_pwm_check(pin)) != 0)
        return pwm;
    pwm = pgm_read_byte(&pin_pwm[pin]);
#endif
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
