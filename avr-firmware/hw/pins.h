/* The per-MCU pin map, behind one interface. The facts live in whole per-MCU files:
 * pins_328p.h/.c (Uno, Nano) and pins_2560.h/.c (Mega); firmware.mk picks the pair from the
 * board's mcu, and PINS_MCU_H names the header. Arduino pin numbers are used throughout. */
#ifndef WW_PINS_H
#define WW_PINS_H
#include <stdint.h>
#include <avr/pgmspace.h>
#include PINS_MCU_H

/* irq byte of a pin: how its edges reach the CPU */
#define IRQ_NONE 0
#define IRQ_INT(n) (0x80 | (n))                    /* external interrupt INTn */
#define IRQ_PCINT(group, bit) (0x40 | (group) << 3 | (bit)) /* pin-change group, bit in PCMSKg */
#define IRQ_IS_INT(irq) ((irq) & 0x80)
#define IRQ_INT_N(irq) ((irq) & 0x07)
#define IRQ_PC_GROUP(irq) (((irq) >> 3) & 0x07)
#define IRQ_PC_BIT(irq) ((irq) & 0x07)

/* One byte for a port's address: every PINx lies in 0x20..0x109 on both MCUs. */
#define PINREG_BASE 0x20
#define PINREG(off) (PINREG_BASE + (uint16_t)(off))

struct pin_desc {
    uint8_t pinreg;  /* address of PINx - PINREG_BASE; DDRx is +1, PORTx is +2 */
    uint8_t mask;    /* the pin's bit in the port; 0 = not usable */
    uint8_t irq;     /* IRQ_* */
};

struct pwm_desc {
    uint16_t ocr;   /* address of the output compare register (low byte) */
    uint16_t tccra; /* address of the timer's TCCRnA */
    uint8_t com;    /* the COMnx1 bit that connects the pin (non-inverting PWM) */
    uint8_t wide;   /* 1 for a 16-bit timer: write OCR as 16 bits (high byte first) */
};

extern const struct pin_desc pin_table[N_PINS] PROGMEM;
/* The pwm module's (modules/pwm/): each pin's 1 + index into pwm_table, 0 = no PWM; the timers. */
extern const uint8_t pin_pwm[N_PINS] PROGMEM;
extern const struct pwm_desc pwm_table[] PROGMEM;
/* The edge ISR's tables: the Arduino pin of each group bit (0xFF = none) and of each INTn (the
 * Mega lays them out as one table, and int_pin is a macro into it: pins_2560.h) */
extern const uint8_t pcint_pin[N_PCINT_GROUPS][8] PROGMEM;
#ifndef int_pin
extern const uint8_t int_pin[N_INT] PROGMEM;
#endif
extern const uint8_t source_ids[N_SOURCES] PROGMEM;           /* wire drop-source ids */

/* Starts the PWM timers other than Timer0 (8-bit fast PWM, prescaler 64: 976 Hz). */
void pins_init_pwm_timers(void);

#endif
