/* ATmega2560 (Mega 2560): sizes and the inline register facts the edge ISRs need. */
#ifndef WW_PINS_2560_H
#define WW_PINS_2560_H
#include <avr/io.h>

#define N_PINS 70          /* D0..D53, A0..A15 = 54..69 */
#define N_INT 6            /* INT0..3 = D21, D20, D19, D18 (PD0..3); INT4, INT5 = D2, D3 (PE4, PE5) */
#define N_PCINT_GROUPS 3   /* PCINT0 = PORTB, PCINT1 = PE0 + PJ0..6, PCINT2 = PORTK */
#define N_ADC_CHANNELS 16  /* A0..A15 */
#define N_SOURCES 11       /* INT0..5, PCINT0..2, ADC, RX */
#define SRCI_INT(n) (n)
#define SRCI_PCINT(g) (6 + (g))
#define SRCI_ADC 9
#define SRCI_RX 10

#define MCU_SIGNATURE {0x1E, 0x98, 0x01}

#define RX_VECT USART0_RX_vect
#define UDRE_VECT USART0_UDRE_vect

/* The levels of the INT pins, bit n = INTn (INT0..3 = PD0..3, INT4/5 = PE4/5). */
#define INT_LEVELS() ((uint8_t)((PIND & 0x0F) | (PINE & 0x30)))
#define PCINT_READ0() PINB
#define PCINT_READ1() ((uint8_t)(PINJ << 1 | (PINE & 1)))
#define PCINT_READ2() PINK

#define EICR_FOR(n) (*((n) < 4 ? &EICRA : &EICRB))
#define EICR_SHIFT(n) (2 * ((n) & 3))

#endif
