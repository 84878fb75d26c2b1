/* Encoders for the board's answers (PROTOCOL.md section 2): each writes one whole frame into
 * the TX ring at t->head with seq t->seq and returns the new head; the caller checks that
 * MAX_ANSWER_WIRE bytes are free and then publishes the frame.
 *
 * Payloads are laid out as packed little-endian structs and copied as bytes: on the AVR this
 * is far smaller than putting fields one at a time (flash is the scarcest resource). It
 * assumes a little-endian CPU, which AVR, x86 and ARM are (checked at compile time). */
#ifndef WW_ANSWERS_H
#define WW_ANSWERS_H
#include <stdint.h>
#include "drops.h"
#include "frame_writer.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "answers.h lays out little-endian payloads; this CPU is big-endian"
#endif

/* HELLO's payload after req_id, exactly as on the wire. */
struct __attribute__((packed)) hello_info {
    uint8_t proto_version;
    uint8_t fw_major;
    uint8_t fw_minor;
    uint8_t signature[3];
    uint32_t f_cpu;
    uint16_t tick_ns;
    uint16_t capabilities;
    uint8_t reset_cause;
    uint32_t baud;
    uint8_t n_pins;
};

/* STATS's link counters, exactly as on the wire. */
struct __attribute__((packed)) link_stats {
    uint16_t crc_errors;
    uint16_t bad_frames;
    uint16_t rx_overruns;
};

/* Any answer: type, seq, req, then n payload bytes (the encoders below are this with their payload). */
uint8_t answer_send(const struct tx_ring_ref *t, uint8_t type, uint8_t req, const void *payload, uint8_t n);
uint8_t answer_hello(const struct tx_ring_ref *t, uint8_t req, const struct hello_info *h);
uint8_t answer_ack(const struct tx_ring_ref *t, uint8_t req);
uint8_t answer_nak(const struct tx_ring_ref *t, uint8_t req, uint8_t code, uint8_t detail);
uint8_t answer_pong(const struct tx_ring_ref *t, uint8_t req, const uint8_t *data, uint8_t n);
uint8_t answer_analog(const struct tx_ring_ref *t, uint8_t req, uint8_t channel, uint16_t value, uint32_t ts);
/* s may be the live counters: they are copied with interrupts off. */
uint8_t answer_stats(const struct tx_ring_ref *t, uint8_t req, const volatile struct link_stats *s, const struct drops *d);
uint8_t answer_clock(const struct tx_ring_ref *t, uint8_t req, uint32_t ts);
uint8_t answer_reset_cause(const struct tx_ring_ref *t, uint8_t req, uint8_t mcusr);

#endif
