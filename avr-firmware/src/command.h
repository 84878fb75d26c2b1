/* The command parser: checks a received command's type, length and arguments that need no
 * knowledge of the board (modes, edge kinds, levels), and unpacks them. Pins and ADC channels
 * are judged by the per-MCU pin map afterwards (pins.h), so this file stays pure and fuzzable. */
#ifndef WW_COMMAND_H
#define WW_COMMAND_H
#include <stdint.h>

struct command {
    uint8_t type;
    uint8_t req;          /* 0 when the payload had none */
    uint8_t pin;          /* PIN_MODE, ARM, DIGITAL_WRITE, PWM_WRITE, READ_PIN; the channel for ANALOG_READ;
                           STREAM: the channel mask's low byte */
    uint8_t arg;          /* mode, edges, level, duty; STREAM: the mask's high byte */
    uint16_t debounce;    /* ARM; STREAM: the interval in ticks; SERVO's pulse in ticks */
    const uint8_t *data;  /* PING's bytes (points into the body) */
    uint8_t data_len;
};

/* body = type, seq, payload (CRC already checked and removed), len = its length (>= 2).
 * Returns 0 if the command is well formed, else a NAK code with *detail set as PROTOCOL.md
 * says; c->req is set in both cases. Extra trailing bytes are ignored (except for PING). */
uint8_t command_parse(const uint8_t *body, uint8_t len, struct command *c, uint8_t *detail);

#endif
