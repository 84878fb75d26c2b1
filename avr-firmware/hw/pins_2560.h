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

/* Edge state (edges.h) is kept for the 24 pins that can report edges, not for all 70 (72 B of
 * RAM, not 210 B). A pin's slot is its place in pcint_pin (pins_2560.c), which holds the INT
 * pins too: the edge ISR finds the changed pin's entry there anyway, so the slot is that
 * entry's offset. Slots: PCINT0 bit b at b (0..7); PCINT1 bit b at 7 + b (only bits 1, 2:
 * D15, D14; bit 0 is PE0 = D0, the serial line, and bits 3..7 have no pin, so none of them
 * is ever enabled and their places can overlap D13's and the INTs'); INTn at 10 + n; PCINT2
 * bit b at 16 + b. EDGE_SLOT computes it from the pin's irq byte, SLOT_PIN reads it back. */
#define N_EDGE_SLOTS 24
#define EDGE_SLOT(pin, irq) edge_slot_of(irq)
#ifndef __ASSEMBLER__
#include <stdint.h>
uint8_t edge_slot_of(uint8_t irq); /* pins_2560.c: out of line, its three callers share it */
#endif
#define SLOT_PIN(slot) pgm_read_byte(&pcint_pin[0][0] + (slot))
/* INTn's pin is the entry at slot 10 + n. */
#ifdef __ASSEMBLER__
#define int_pin (pcint_pin + 10)
#else
#define int_pin (&pcint_pin[1][2])
#endif

#define RX_VECT USART0_RX_vect
#define UDRE_VECT USART0_UDRE_vect

#ifdef __ASSEMBLER__
/* For the edge ISR (edge_isr.S). The levels of the INT pins into reg, bit n = INTn
 * (INT0..3 = PD0..3, INT4/5 = PE4/5); r21 is a scratch register. */
.macro read_int_levels reg
    in   \reg, _SFR_IO_ADDR(PIND)
    andi \reg, 0x0F
    in   r21, _SFR_IO_ADDR(PINE)
    andi r21, 0x30
    or   \reg, r21
.endm
/* bit = 1 << n for INTn, n (0..5) in register n; uses r21. */
.macro int_bit bit, n
    ldi  \bit, 1
    mov  r21, \n
    rjmp 2f
1:  lsl  \bit
2:  subi r21, 1
    brcc 1b
.endm
/* reg = group g's first entry in pcint_pin (g in register g, reg = g on entry): 8 * g, but 7
 * for PCINT1 (see the slots above). */
.macro pcint_row reg, g
    lsl  \reg
    lsl  \reg
    lsl  \reg
    cpi  \g, 1
    brne 1f
    dec  \reg
1:
.endm
/* reg = the edge-state slot of the pin whose entry Z points at: the entry's offset. */
.macro edge_slot reg
    mov  \reg, r30
    subi \reg, lo8(pcint_pin)
.endm
/* The input byte of pin-change group g (0..2 in register g) into reg, bit i = PCINT(8g + i):
 * PORTB; PE0 then PJ0..6; PORTK. */
.macro read_pcint_group reg, g
    in   \reg, _SFR_IO_ADDR(PINB)
    cpi  \g, 1
    brlo 1f
    lds  \reg, PINK
    brne 1f
    lds  \reg, PINJ
    lsl  \reg
    sbic _SFR_IO_ADDR(PINE), 0
    ori  \reg, 1
1:
.endm
#endif

#define EICR_FOR(n) (*((n) < 4 ? &EICRA : &EICRB))
#define EICR_SHIFT(n) (2 * ((n) & 3))

#endif
