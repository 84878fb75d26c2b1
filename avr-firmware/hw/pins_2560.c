/* ATmega2560 pin map (Arduino Mega 2560). D0/D1 are the serial link: mask 0 = refused.
 * The table rows were generated once from the Mega's pin-to-port list (Arduino's
 * variants/mega/pins_arduino.h facts) and are committed as written. */
#include "pins.h"

#define P(reg, bit, irq) {(uint8_t)((uint16_t)&reg - PINREG_BASE), 1 << (bit), irq}

const struct pwm_desc pwm_table[] PROGMEM = {
    {(uint16_t)&OCR3B, (uint16_t)&TCCR3A, 1 << COM3B1, 1}, /* 1: D2 */
    {(uint16_t)&OCR3C, (uint16_t)&TCCR3A, 1 << COM3C1, 1}, /* 2: D3 */
    {(uint16_t)&OCR0B, (uint16_t)&TCCR0A, 1 << COM0B1, 0}, /* 3: D4 */
    {(uint16_t)&OCR3A, (uint16_t)&TCCR3A, 1 << COM3A1, 1}, /* 4: D5 */
    {(uint16_t)&OCR4A, (uint16_t)&TCCR4A, 1 << COM4A1, 1}, /* 5: D6 */
    {(uint16_t)&OCR4B, (uint16_t)&TCCR4A, 1 << COM4B1, 1}, /* 6: D7 */
    {(uint16_t)&OCR4C, (uint16_t)&TCCR4A, 1 << COM4C1, 1}, /* 7: D8 */
    {(uint16_t)&OCR2B, (uint16_t)&TCCR2A, 1 << COM2B1, 0}, /* 8: D9 */
    {(uint16_t)&OCR2A, (uint16_t)&TCCR2A, 1 << COM2A1, 0}, /* 9: D10 */
    {(uint16_t)&OCR1A, (uint16_t)&TCCR1A, 1 << COM1A1, 1}, /* 10: D11 */
    {(uint16_t)&OCR1B, (uint16_t)&TCCR1A, 1 << COM1B1, 1}, /* 11: D12 */
    {(uint16_t)&OCR0A, (uint16_t)&TCCR0A, 1 << COM0A1, 0}, /* 12: D13 */
    {(uint16_t)&OCR5C, (uint16_t)&TCCR5A, 1 << COM5C1, 1}, /* 13: D44 */
    {(uint16_t)&OCR5B, (uint16_t)&TCCR5A, 1 << COM5B1, 1}, /* 14: D45 */
    {(uint16_t)&OCR5A, (uint16_t)&TCCR5A, 1 << COM5A1, 1}, /* 15: D46 */
};

const struct pin_desc pin_table[N_PINS] PROGMEM = {
    {0, 0, IRQ_NONE},                      /* D0 RX */
    {0, 0, IRQ_NONE},                      /* D1 TX */
    P(PINE, 4, IRQ_INT(4)),                /* D2 */
    P(PINE, 5, IRQ_INT(5)),                /* D3 */
    P(PING, 5, IRQ_NONE),                  /* D4 */
    P(PINE, 3, IRQ_NONE),                  /* D5 */
    P(PINH, 3, IRQ_NONE),                  /* D6 */
    P(PINH, 4, IRQ_NONE),                  /* D7 */
    P(PINH, 5, IRQ_NONE),                  /* D8 */
    P(PINH, 6, IRQ_NONE),                  /* D9 */
    P(PINB, 4, IRQ_PCINT(0, 4)),           /* D10 */
    P(PINB, 5, IRQ_PCINT(0, 5)),           /* D11 */
    P(PINB, 6, IRQ_PCINT(0, 6)),           /* D12 */
    P(PINB, 7, IRQ_PCINT(0, 7)),           /* D13 */
    P(PINJ, 1, IRQ_PCINT(1, 2)),           /* D14 */
    P(PINJ, 0, IRQ_PCINT(1, 1)),           /* D15 */
    P(PINH, 1, IRQ_NONE),                  /* D16 */
    P(PINH, 0, IRQ_NONE),                  /* D17 */
    P(PIND, 3, IRQ_INT(3)),                /* D18 */
    P(PIND, 2, IRQ_INT(2)),                /* D19 */
    P(PIND, 1, IRQ_INT(1)),                /* D20 */
    P(PIND, 0, IRQ_INT(0)),                /* D21 */
    P(PINA, 0, IRQ_NONE),                  /* D22 */
    P(PINA, 1, IRQ_NONE),                  /* D23 */
    P(PINA, 2, IRQ_NONE),                  /* D24 */
    P(PINA, 3, IRQ_NONE),                  /* D25 */
    P(PINA, 4, IRQ_NONE),                  /* D26 */
    P(PINA, 5, IRQ_NONE),                  /* D27 */
    P(PINA, 6, IRQ_NONE),                  /* D28 */
    P(PINA, 7, IRQ_NONE),                  /* D29 */
    P(PINC, 7, IRQ_NONE),                  /* D30 */
    P(PINC, 6, IRQ_NONE),                  /* D31 */
    P(PINC, 5, IRQ_NONE),                  /* D32 */
    P(PINC, 4, IRQ_NONE),                  /* D33 */
    P(PINC, 3, IRQ_NONE),                  /* D34 */
    P(PINC, 2, IRQ_NONE),                  /* D35 */
    P(PINC, 1, IRQ_NONE),                  /* D36 */
    P(PINC, 0, IRQ_NONE),                  /* D37 */
    P(PIND, 7, IRQ_NONE),                  /* D38 */
    P(PING, 2, IRQ_NONE),                  /* D39 */
    P(PING, 1, IRQ_NONE),                  /* D40 */
    P(PING, 0, IRQ_NONE),                  /* D41 */
    P(PINL, 7, IRQ_NONE),                  /* D42 */
    P(PINL, 6, IRQ_NONE),                  /* D43 */
    P(PINL, 5, IRQ_NONE),                  /* D44 */
    P(PINL, 4, IRQ_NONE),                  /* D45 */
    P(PINL, 3, IRQ_NONE),                  /* D46 */
    P(PINL, 2, IRQ_NONE),                  /* D47 */
    P(PINL, 1, IRQ_NONE),                  /* D48 */
    P(PINL, 0, IRQ_NONE),                  /* D49 */
    P(PINB, 3, IRQ_PCINT(0, 3)),           /* D50 */
    P(PINB, 2, IRQ_PCINT(0, 2)),           /* D51 */
    P(PINB, 1, IRQ_PCINT(0, 1)),           /* D52 */
    P(PINB, 0, IRQ_PCINT(0, 0)),           /* D53 */
    P(PINF, 0, IRQ_NONE),                  /* A0 */
    P(PINF, 1, IRQ_NONE),                  /* A1 */
    P(PINF, 2, IRQ_NONE),                  /* A2 */
    P(PINF, 3, IRQ_NONE),                  /* A3 */
    P(PINF, 4, IRQ_NONE),                  /* A4 */
    P(PINF, 5, IRQ_NONE),                  /* A5 */
    P(PINF, 6, IRQ_NONE),                  /* A6 */
    P(PINF, 7, IRQ_NONE),                  /* A7 */
    P(PINK, 0, IRQ_PCINT(2, 0)),           /* A8 */
    P(PINK, 1, IRQ_PCINT(2, 1)),           /* A9 */
    P(PINK, 2, IRQ_PCINT(2, 2)),           /* A10 */
    P(PINK, 3, IRQ_PCINT(2, 3)),           /* A11 */
    P(PINK, 4, IRQ_PCINT(2, 4)),           /* A12 */
    P(PINK, 5, IRQ_PCINT(2, 5)),           /* A13 */
    P(PINK, 6, IRQ_PCINT(2, 6)),           /* A14 */
    P(PINK, 7, IRQ_PCINT(2, 7)),           /* A15 */
};

/* Each pin's PWM: 1 + its index into pwm_table, 0 = none (D2 1, D3 2, D4 3, D5 4, D6 5, D7 6, D8 7, D9 8, D10 9, D11 10, D12 11, D13 12, D44 13, D45 14, D46 15).
 * Only the pwm module reads it (and pwm_table): a core without it links neither. */
const uint8_t pin_pwm[N_PINS] PROGMEM = {
    0, 0, 1, 2, 3, 4, 5, 6, 7, 8, /* D0..D9 */
    9, 10, 11, 12, 0, 0, 0, 0, 0, 0, /* D10..D19 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* D20..D29 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* D30..D39 */
    0, 0, 0, 0, 13, 14, 15, 0, 0, 0, /* D40..D49 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* D50..A5 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* A6..A15 */
};

/* The pins of every edge interrupt, in one table whose offsets are the edge-state slots
 * (pins_2560.h): int_pin is the entry at slot 10. */
const uint8_t pcint_pin[N_PCINT_GROUPS][8] PROGMEM = {
    {53, 52, 51, 50, 10, 11, 12, 13}, /* 0..7: PCINT0, PORTB; 7 is PCINT1's bit 0 too (PE0, D0: never armed) */
    {15, 14, 21, 20, 19, 18, 2, 3},   /* 8, 9: PCINT1's bits 1, 2 (PJ0, PJ1); 10..15: INT0..5 */
    {62, 63, 64, 65, 66, 67, 68, 69}, /* 16..23: PCINT2, PORTK */
};
const uint8_t source_ids[N_SOURCES] PROGMEM = {0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12};

void pins_init_pwm_timers(void)
{
    /* Timers 1, 3, 4, 5: 8-bit fast PWM (WGM 0101), /64; Timer2: fast PWM, /64 (976 Hz) */
    TCCR1A = 1 << WGM10; TCCR1B = 1 << WGM12 | 1 << CS11 | 1 << CS10;
    TCCR3A = 1 << WGM30; TCCR3B = 1 << WGM32 | 1 << CS31 | 1 << CS30;
    TCCR4A = 1 << WGM40; TCCR4B = 1 << WGM42 | 1 << CS41 | 1 << CS40;
    TCCR5A = 1 << WGM50; TCCR5B = 1 << WGM52 | 1 << CS51 | 1 << CS50;
    TCCR2A = 1 << WGM21 | 1 << WGM20; TCCR2B = 1 << CS22;
}

/* A pin's edge-state slot from its irq byte (pins_2560.h): INTn at 10 + n, pin-change group g
 * bit b at 8g + b, but 7 + b in PCINT1. Written in steps: avr-gcc made 38 B of the one-liner. */
__attribute__((noinline)) uint8_t edge_slot_of(uint8_t irq)
{
    if (IRQ_IS_INT(irq))
        return (uint8_t)(IRQ_INT_N(irq) + 10);
    uint8_t s = irq & 0x3F; /* 8g + b */
    if ((irq & 0x38) == 1 << 3)
        s--;
    return s;
}
