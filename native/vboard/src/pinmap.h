/*
 * pinmap: Arduino pin names (D13, A0, PB5) to AVR port and bit, per MCU.
 *
 * The tables follow the Arduino core's variants (standard = Uno/Nano, mega = Mega 2560),
 * so a pin number here is the same number the firmware and PROTOCOL.md use.
 */
#ifndef VB_PINMAP_H
#define VB_PINMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct vb_pin {
    int16_t number; /* Arduino pin number (D-number); -1 for an analog-only channel (Nano A6/A7) */
    char port;      /* 'B', 'C', ... ; 0 for an analog-only channel */
    uint8_t bit;    /* 0..7 within the port */
    int8_t adc;     /* ADC channel, or -1 when the pin has none */
} vb_pin;

typedef struct vb_pinmap {
    const char *mcu;         /* avr-gcc -mmcu name */
    const char *board_label; /* used in messages: "uno has D0-D19" */
    int n_digital;           /* pins D0 .. D(n_digital-1) */
    int first_analog;        /* A0 is this D-number */
    int n_analog;            /* A0 .. A(n_analog-1) */
    const char (*ports)[2];  /* per D-number: { port letter, bit } */
    char uart_name;          /* simavr's name of the UART the link uses: '0' */
} vb_pinmap;

/* The map for an MCU name, or NULL when the MCU is not supported. */
const vb_pinmap *vb_pinmap_for(const char *mcu);

/* A comma-separated list of the supported MCU names, for error messages. */
const char *vb_pinmap_supported(void);

/*
 * Parses a pin name: D<n>, A<n>, <n> (a bare Arduino number) or P<port><bit> (PB5).
 * Returns 0 and fills *out, or -1 with a one-line reason in err.
 * An analog-only channel (A6/A7 on a 328p) parses with number -1; callers that need a
 * digital pin reject it.
 */
int vb_pin_parse(const vb_pinmap *map, const char *name, vb_pin *out, char *err, size_t errlen);

/* The canonical name of a digital pin ("D13"; A-pins are named D14.. too, so output is stable). */
void vb_pin_name(const vb_pin *pin, char *buf, size_t len);

/* The pin at an Arduino number, or -1 when out of range. */
int vb_pin_at(const vb_pinmap *map, int number, vb_pin *out);

#endif
