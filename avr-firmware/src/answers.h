/* Encoders for the board's answers (PROTOCOL.md section 2): each writes one whole frame into
 * the TX ring at head and returns the new head. The caller checks MAX_WIRE bytes are free. */
#ifndef WW_ANSWERS_H
#define WW_ANSWERS_H
#include <stdint.h>
#include "drops.h"

struct hello_info {
    uint8_t signature[3];
    uint32_t f_cpu;
    uint16_t capabilities;
    uint8_t reset_cause;
    uint32_t baud;
    uint8_t n_pins;
};

struct link_stats {
    uint16_t crc_errors;
    uint16_t bad_frames;
    uint16_t rx_overruns;
};

struct tx_ring_ref {
    uint8_t *buf;
    uint8_t mask;
    uint8_t head;
    uint8_t seq;
};

uint8_t answer_hello(struct tx_ring_ref t, uint8_t req, const struct hello_info *h);
uint8_t answer_ack(struct tx_ring_ref t, uint8_t req);
uint8_t answer_nak(struct tx_ring_ref t, uint8_t req, uint8_t code, uint8_t detail);
uint8_t answer_pong(struct tx_ring_ref t, uint8_t req, const uint8_t *data, uint8_t n);
uint8_t answer_analog(struct tx_ring_ref t, uint8_t req, uint8_t channel, uint16_t value, uint32_t ts);
uint8_t answer_stats(struct tx_ring_ref t, uint8_t req, const struct link_stats *s, const struct drops *d);
uint8_t answer_clock(struct tx_ring_ref t, uint8_t req, uint32_t ts);
uint8_t answer_reset_cause(struct tx_ring_ref t, uint8_t req, uint8_t mcusr);

#endif
