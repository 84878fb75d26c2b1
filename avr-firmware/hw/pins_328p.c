/* ATmega328P pin map (Uno, Nano). D0/D1 are the serial link: mask 0 = refused.
 * PB6/PB7 (crystal) and PC6 (reset) have no Arduino number. */
#include "pins.h"

#define P(reg, bit, irq) {(uint8_t)((uint16_t)&reg - PINREG_BASE), 1 << (bit), irq}

const struct pwm_desc pwm_table[] PROGMEM = {
    {(uint16_t)&OCR2B, (uint16_t)&TCCR2A, 1 << COM2B1, 0}, /* 1: D3  */
    {(uint16_t)&OCR0B, (uint16_t)&TCCR0A, 1 << COM0B1, 0}, /* 2: D5  */
    {(uint16_t)&OCR0A, (uint16_t)&TCCR0A, 1 << COM0A1, 0}, /* 3: D6  */
    {(uint16_t)&OCR1A, (uint16_t)&TCCR1A, 1 << COM1A1, 1}, /* 4: D9  */
    {(uint16_t)&OCR1B, (uint16_t)&TCCR1A, 1 << COM1B1, 1}, /* 5: D10 */
    {(uint16_t)&OCR2A, (uint16_t)&TCCR2A, 1 << COM2A1, 0}, /* 6: D11 */
};

const struct pin_desc pin_table[N_PINS] PROGMEM = {
    {0, 0, IRQ_NONE},                      /* D0 RX */
    {0, 0, IRQ_NONE},                      /* D1 TX */
    P(PIND, 2, IRQ_INT(0)),                /* D2 */
    P(PIND, 3, IRQ_INT(1)),                /* D3 */
    P(PIND, 4, IRQ_PCINT(2, 4)),           /* D4 */
    P(PIND, 5, IRQ_PCINT(2, 5)),           /* D5 */
    P(PIND, 6, IRQ_PCINT(2, 6)),           /* D6 */
    P(PIND, 7, IRQ_PCINT(2, 7)),           /* D7 */
    P(PINB, 0, IRQ_PCINT(0, 0)),           /* D8 */
    P(PINB, 1, IRQ_PCINT(0, 1)),           /* D9 */
    P(PINB, 2, IRQ_PCINT(0, 2)),           /* D10 */
    P(PINB, 3, IRQ_PCINT(0, 3)),           /* D11 */
    P(PINB, 4, IRQ_PCINT(0, 4)),           /* D12 */
    P(PINB, 5, IRQ_PCINT(0, 5)),           /* D13 */
    P(PINC, 0, IRQ_PCINT(1, 0)),           /* A0 */
    P(PINC, 1, IRQ_PCINT(1, 1)),           /* A1 */
    P(PINC, 2, IRQ_PCINT(1, 2)),           /* A2 */
    P(PINC, 3, IRQ_PCINT(1, 3)),           /* A3 */
    P(PINC, 4, IRQ_PCINT(1, 4)),           /* A4 */
    P(PINC, 5, IRQ_PCINT(1, 5)),           /* A5 */
};

/* Each pin's PWM: 1 + its index into pwm_table, 0 = none (D3 1, D5 2, D6 3, D9 4, D10 5, D11 6).
 * Only the pwm module reads it (and pwm_table): a core without it links neither. */
const uint8_t pin_pwm[N_PINS] PROGMEM = {
    0, 0, 0, 1, 0, 2, 3, 0, 0, 4, /* D0..D9 */
    5, 6, 0, 0, 0, 0, 0, 0, 0, 0, /* D10..A5 */
};

#define NONE 0xFF
const uint8_t pcint_pin[N_PCINT_GROUPS][8] PROGMEM = {
    {8, 9, 10, 11, 12, 13, NONE, NONE},     /* PORTB */
    {14, 15, 16, 17, 18, 19, NONE, NONE},   /* PORTC */
    {NONE, NONE, NONE, NONE, 4, 5, 6, 7},   /* PORTD: D0/D1 serial, D2/D3 use INT0/INT1 */
};

const uint8_t int_pin[N_INT] PROGMEM = {2, 3};
const uint8_t source_ids[N_SOURCES] PROGMEM = {0, 1, 8, 9, 10, 11, 12};

void pins_init_pwm_timers(void)
{
    TCCR1A = 1 << WGM10;                /* Timer1: 8-bit fast PWM (WGM 0101), /64 */
    TCCR1B = 1 << WGM12 | 1 << CS11 | 1 << CS10;
    TCCR2A = 1 << WGM21 | 1 << WGM20;   /* Timer2: fast PWM, /64 */
    TCCR2B = 1 << CS22;
}
