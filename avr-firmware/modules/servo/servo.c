/* The servo module's C (module.h says what it takes): SERVO attaches, moves and detaches a
 * servo; Timer1's compare outputs pulse two pins in hardware, Timer0's compare-B interrupt
 * pulses up to SERVO_SW_MAX others one after the other within each 20-ms frame.
 *
 * SERVO: req, pin, op (0 detach, 1 pulse), ticks u16 (op 1: the pulse, in Timer1 ticks of
 * 8 CPU cycles, 0.5 us at 16 MHz, within SERVO_MIN_US..SERVO_MAX_US). ACKed; NAKed bad_pin
 * (detail the pin), bad_argument (detail 3: the ticks), busy (detail the pin: PWM runs on the
 * timer channel it needs, or every interrupt-driven slot is taken). */
#include <avr/interrupt.h>
#include <avr/io.h>
#include "answers.h"
#include "command.h"
#include "critical.h"
#include "gpio.h"
#include "modules.h"
#include "pins.h"
#include "protocol.h"
#include "uart.h"

#define REG(addr) (*(volatile uint8_t *)(addr))
#define T1_PER_US (F_CPU / 8000000UL)  /* Timer1 at clk/8 */
#define SERVO_MIN_US 200
#define SERVO_MAX_US 2500
#define FRAME_T1 (F_CPU / 8 / 50)      /* Timer1 ticks in a 20-ms frame */
#define FRAME_T0 (F_CPU / 64 / 50)     /* Timer0 ticks (clk/64, the clock's) in one */
#define GAP_T0 64                      /* at least this gap after the last pulse of a frame */

#ifdef __AVR_ATmega2560__
#define HW_PIN_A 11 /* OC1A = PB5 */
#define HW_PIN_B 12 /* OC1B = PB6 */
#define OC0A_PIN 13 /* PB7 */
#define OC0B_PIN 4  /* PG5 */
#else
#define HW_PIN_A 9  /* OC1A = PB1 */
#define HW_PIN_B 10 /* OC1B = PB2 */
#define OC0A_PIN 6  /* PD6 */
#define OC0B_PIN 5  /* PD5 */
#endif

/* The interrupt-driven slots, one array per field (indexing a 5-byte struct costs a multiply
 * in the ISR): the pin, its pinreg as pin_table's (PORTx = PINREG(pinreg) + 2), its mask (0 =
 * a free slot), the pulse in Timer0 ticks. */
static uint8_t sw_pin[SERVO_SW_MAX], sw_pinreg[SERVO_SW_MAX], sw_mask[SERVO_SW_MAX];
static uint16_t sw_t0[SERVO_SW_MAX];
static uint8_t sw_count;  /* slots in use */
static uint8_t hw_mask;   /* 1: OC1A holds a servo, 2: OC1B */
/* The ISR's own: the slot pulsing now (0xFF: the frame's closing gap), the Timer0 ticks left
 * until its end, and the ticks used by the frame's pulses so far. */
static uint8_t cur;
static uint16_t left, used;

static uint8_t hw_bit(uint8_t pin)
{
    return pin == HW_PIN_A ? 1 : pin == HW_PIN_B ? 2 : 0;
}

static uint8_t sw_find(uint8_t pin)
{
    uint8_t i = 0;
    for (; i < SERVO_SW_MAX; i++)
        if (sw_mask[i] && sw_pin[i] == pin)
            break;
    return i;
}

/* One compare match: at a pulse's (or the gap's) end, the pin goes low and the next slot's
 * pin high at once, one tick after the match (below). A wait longer than the
 * 8-bit compare register spans goes in steps of at least 128 ticks (0.5 ms), so that a
 * late-running ISR never sets OCR0B to a count Timer0 has passed. */
ISR(TIMER0_COMPB_vect)
{
    uint16_t l = left;
    if (!l) {
        uint8_t i = cur, match = OCR0B, off_m = 0, on_m = 0;
        volatile uint8_t *off = &GPIOR2, *on = &GPIOR2; /* mask 0: untouched */
        if (i < SERVO_SW_MAX) {
            off = &REG(PINREG(sw_pinreg[i]) + 2);
            off_m = sw_mask[i];
        }
        while (++i < SERVO_SW_MAX && !sw_mask[i])
            ;
        if (i < SERVO_SW_MAX) {
            on = &REG(PINREG(sw_pinreg[i]) + 2);
            on_m = sw_mask[i];
        }
        /* The pins change four Timer0 ticks after the match, not at this ISR's entry: whatever
         * delayed the entry (edge and UART ISRs in a row, a critical section, this ISR's own
         * work; the flag itself comes a tick after the match) then moves neither edge, as long
         * as all of it took less than ~12 us; the wait is at most 16 us, and an edge ISR
         * waiting meanwhile takes its timestamp that much later. */
        while ((uint8_t)(TCNT0 - match) < 4)
            ;
        *off &= (uint8_t)~off_m;
        *on |= on_m;
        if (i < SERVO_SW_MAX) {
            used += l = sw_t0[i];
        } else {
            i = 0xFF;
            l = used < FRAME_T0 - GAP_T0 ? FRAME_T0 - used : GAP_T0;
            used = 0;
        }
        cur = i;
    }
    uint8_t step = l <= 255 ? (uint8_t)l : l <= 383 ? 128 : 255;
    OCR0B += step;
    left = l - step;
}

/* Detaches the servo on pin, if any, and drives the pin low. Interrupts are off (gpio_write's
 * hook, or SERVO's detach). */
void servo_off(uint8_t pin)
{
    uint8_t b = hw_bit(pin), i;
    if (b & hw_mask) {
        TCCR1A &= (uint8_t)~(b == 1 ? 1 << COM1A1 : 1 << COM1B1);
        if (!(hw_mask &= (uint8_t)~b)) { /* Timer1 back to the pwm module's 8-bit PWM, or off */
#ifdef MODULE_pwm_CAPS
            TCCR1A = 1 << WGM10;
            TCCR1B = 1 << WGM12 | 1 << CS11 | 1 << CS10;
#else
            TCCR1B = 0;
            TCCR1A = 0;
#endif
        }
    } else if ((i = sw_find(pin)) < SERVO_SW_MAX) {
        sw_mask[i] = 0;
        if (!--sw_count) { /* Timer0 back to fast PWM for the pwm module's OC0A/OC0B */
            TIMSK0 &= (uint8_t)~(1 << OCIE0B);
            TCCR0A = 1 << WGM01 | 1 << WGM00;
        }
    } else
        return;
    pin_bit(pin, 2, 0);
}

uint8_t servo_pwm_check(uint8_t pin)
{
    if ((hw_mask && hw_bit(pin)) || (sw_count && (pin == OC0A_PIN || pin == OC0B_PIN || sw_find(pin) < SERVO_SW_MAX)))
        return NAK_BUSY;
    return 0;
}

static uint8_t attach(uint8_t pin, uint16_t ticks)
{
    uint8_t b = hw_bit(pin), i;
    if (b) {
        if (!hw_mask) { /* Timer1 becomes the servos': refused while it drives PWM */
            if (TCCR1A & 0xFC) /* any COM1x bits */
                return NAK_BUSY;
#ifdef MODULE_stream_CAPS
            if (ADCSRA & 1 << ADATE) /* ... or triggers the stream module's ADC samples */
                return NAK_BUSY;
#endif
            TCCR1B = 0;
            TCCR1A = 1 << WGM11; /* fast PWM, TOP = ICR1 (WGM 1110), clk/8 */
            ICR1 = FRAME_T1 - 1;
            TCNT1 = 0;
        }
        /* high from BOTTOM through the match: OCR + 1 ticks; double-buffered (a new pulse
         * starts with a frame) */
        if (b == 1) {
            OCR1A = ticks - 1;
            TCCR1A |= 1 << COM1A1;
        } else {
            OCR1B = ticks - 1;
            TCCR1A |= 1 << COM1B1;
        }
        /* Stopped and started again after the OCR write: simavr (the virtual board) takes a new
         * OCR1x only when Timer1's clock bits change. On the chip this pauses Timer1 for two
         * cycles and the new OCR1x still takes effect at the frame's end (double-buffered). */
        TCCR1B = 0;
        TCCR1B = 1 << WGM13 | 1 << WGM12 | 1 << CS11;
        hw_mask |= b;
        pin_bit(pin, 1, 1);
        return 0;
    }
    uint16_t t0 = (ticks + 4) >> 3; /* Timer0 ticks are 8 Timer1 ticks */
    if ((i = sw_find(pin)) == SERVO_SW_MAX) {
        if (TCCR0A & 0xF0) /* PWM on OC0A or OC0B: Timer0 must stay in fast PWM mode */
            return NAK_BUSY;
        for (i = 0; i < SERVO_SW_MAX && sw_mask[i]; i++)
            ;
        if (i == SERVO_SW_MAX)
            return NAK_BUSY;
        const struct pin_desc *d = &pin_table[pin];
        sw_pin[i] = pin;
        sw_pinreg[i] = pgm_read_byte(&d->pinreg);
        pin_bit(pin, 2, 0);
        pin_bit(pin, 1, 1);
        sw_t0[i] = t0;
        sw_mask[i] = pgm_read_byte(&d->mask);
        if (!sw_count++) { /* the first: the frame starts at the next match */
            /* Normal mode: OCR0B takes a new value at once (fast PWM would hold it until the
             * overflow); TOV still comes at 0xFF -> 0, so the clock (timer.c) is unchanged. */
            TCCR0A = 0;
            cur = 0xFF;
            left = used = 0;
            OCR0B = TCNT0 + 64;
            TIFR0 = 1 << OCF0B;
            TIMSK0 |= 1 << OCIE0B;
        }
    }
    sw_t0[i] = t0;
    return 0;
}

uint8_t servo_command(const struct command *c, uint8_t *detail)
{
    uint8_t pin = c->pin, nak;
    uint16_t ticks = c->debounce;
    *detail = pin;
    if ((nak = gpio_check(pin)) != 0)
        return nak;
    if (c->arg && (ticks < SERVO_MIN_US * T1_PER_US || ticks > SERVO_MAX_US * T1_PER_US)) {
        *detail = 3;
        return NAK_BAD_ARGUMENT;
    }
    CRITICAL {
        if (c->arg)
            nak = attach(pin, ticks);
        else
            servo_off(pin);
    }
    if (nak)
        return nak;
    tx_commit(answer_send(&tx, ANS_ACK, c->req, 0, 0));
    return 0;
}
