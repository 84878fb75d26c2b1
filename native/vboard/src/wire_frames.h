/*
 * wire_frames: the host's view of avr-firmware/PROTOCOL.md, just enough for the virtual
 * board's self-test and benchmark: COBS frames with CRC-16/X-25 (protocol 2), the commands they
 * send, and the EVENTS records they count. A second, independent reading of the protocol
 * (the firmware and the Java host have their own), so a misreading shows up as a failure.
 */
#ifndef VB_WIRE_FRAMES_H
#define VB_WIRE_FRAMES_H

#include <stddef.h>
#include <stdint.h>

enum {
    VB_T_HELLO = 0x10, VB_T_EVENTS = 0x11, VB_T_ACK = 0x20, VB_T_NAK = 0x21, VB_T_PONG = 0x22,
    VB_T_ANALOG = 0x23, VB_T_STATS = 0x24,
    VB_C_HELLO = 0x81, VB_C_PIN_MODE = 0x82, VB_C_ARM = 0x83, VB_C_DIGITAL_WRITE = 0x84,
    VB_C_ANALOG_READ = 0x86, VB_C_PING = 0x87, VB_C_STATS = 0x89,
};

typedef struct vb_frame {
    uint8_t type, seq;
    uint8_t payload[64];
    uint8_t len; /* payload bytes */
} vb_frame;

typedef struct vb_frame_reader {
    uint8_t enc[72];
    unsigned n;
    int overlong;
    uint64_t frames, bad, crc_errors;
} vb_frame_reader;

uint16_t vb_crc16(const uint8_t *p, size_t n);
/* Feeds one wire byte; returns 1 when it completed a valid frame (in *out), -1 for a bad one, 0 otherwise. */
int vb_frame_feed(vb_frame_reader *r, uint8_t b, vb_frame *out);
/* Encodes a frame with its trailing 0x00; returns the wire length (at most 66). */
size_t vb_frame_encode(uint8_t type, uint8_t seq, const uint8_t *payload, size_t n, uint8_t *wire);

typedef struct vb_events_tally {
    unsigned edges, lost_records;
    uint64_t lost;        /* sum of the LOST records' counts */
    uint32_t last_ts;     /* timestamp of the last edge seen */
    int malformed;        /* a record ran past the end of the frame */
} vb_events_tally;

/* Adds an EVENTS frame's records to the tally; calls edge() for each edge when not NULL. */
void vb_events_parse(const vb_frame *f, vb_events_tally *t, void (*edge)(void *ctx, int pin, int level, uint32_t ts),
                     void *ctx);

#endif
