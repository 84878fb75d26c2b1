/* ATmega328P (Uno, Nano): sizes and the inline register facts the edge ISRs need. */
#ifndef WW_PINS_328P_H
#define WW_PINS_328P_H
#include <avr/io.h>

#define N_PINS 20          /* D0..D13, A0..A5 = 14..19 */
#define N_INT 2            /* INT0 = D2 (PD2), INT1 = D3 (PD3) */
#define N_PCINT_GROUPS 3   /* PCINT0 = PORTB, PCINT1 = PORTC, PCINT2 = PORTD */
#define N_ADC_CHANNELS 8   /* A0..A5, and A6/A7 on the Nano */
#define N_SOURCES 7        /* INT0, INT1, PCINT0..2, ADC, RX */
#define SRCI_INT(n) (n)
#define SRCI_PCINT(g) (2 + (g))
#define SRCI_ADC 5
#define SRCI_RX 6

#define MCU_SIGNATURE {0x1E, 0x95, 0x0F}

/* Edge state (edges.h) per pin: 20 pins, so the slot is the pin number. */
#define N_EDGE_SLOTS N_PINS
#define EDGE_SLOT(pin, irq) (pin)
#define SLOT_PIN(slot) (slot)

#define RX_VECT USART_RX_vect
#define UDRE_VECT USART_UDRE_vect

#ifdef __ASSEMBLER__
/* For the edge ISR (edge_isr.S). The levels of the INT pins into reg, bit n = INTn (INT0 = PD2,
 * INT1 = PD3): one read and two shifts, not a variable shift. */
.macro read_int_levels reg
    in   \reg, _SFR_IO_ADDR(PIND)
    lsr  \reg
    lsr  \reg
.endm
/* bit = 1 << n for INTn, n (0 or 1) in register n: n + 1. */
.macro int_bit bit, n
    mov  \bit, \n
    inc  \bit
.endm
/* reg = g * 8: group g's first entry in pcint_pin (rows of 8). */
.macro pcint_row reg, g
    lsl  \reg
    lsl  \reg
    lsl  \reg
.endm
/* reg = the edge-state slot of the pin whose entry Z points at: the pin itself. */
.macro edge_slot reg
    lpm  \reg, Z
.endm
/* The input register of pin-change group g (0..2 in register g) into reg, bit i = PCINT(8g + i). */
.macro read_pcint_group reg, g
    in   \reg, _SFR_IO_ADDR(PINB)
    cpi  \g, 1
    brlo 1f
    in   \reg, _SFR_IO_ADDR(PINC)
    breq 1f
    in   \reg, _SFR_IO_ADDR(PIND)
1:
.endm
#endif

/* EICRA holds the sense bits of both INTs. */
#define EICR_FOR(n) EICRA
#define EICR_SHIFT(n) (2 * (n))

#endif
