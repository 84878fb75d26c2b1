/* Frame writer: builds one wire frame (COBS(type seq payload crc) 00) straight into a byte
 * ring, COBS-encoding and CRC-ing on the fly, so no separate 64-byte body buffer is needed.
 *
 * How: the COBS code byte of the current block is a reserved slot that is back-patched when
 * the block ends (at a zero byte or at the end of the frame). Nothing is published to the
 * ring's reader until frame_end() returns the new head, so the reader never sees an
 * unpatched code byte.
 *
 * Trade-offs: the caller must check that the ring has MAX_WIRE (66) bytes free before
 * frame_begin() (the writer does no bounds checks of its own, which keeps it small); and a
 * body longer than MAX_BODY is the caller's bug (the encoders bound their payloads). The
 * ring's size must be a power of two <= 256 (indices are free-running uint8_t). Bodies are
 * at most MAX_BODY (< 254) bytes, so COBS's "full 254-byte block" case has no code here. */
#ifndef WW_FRAME_WRITER_H
#define WW_FRAME_WRITER_H
#include <stdint.h>

/* Where a frame goes: a byte ring (a power of two <= 256 bytes, free-running uint8_t indices),
 * the slot the frame starts at, and its seq. */
struct tx_ring_ref {
    uint8_t *buf;
    uint8_t mask; /* ring size - 1 */
    uint8_t head; /* where the next frame goes */
    uint8_t seq;  /* the next frame's seq */
};

struct frame_writer {
    uint8_t *buf;     /* the ring's storage */
    uint8_t mask;     /* ring size - 1 */
    uint8_t head;     /* next free slot (free-running) */
    uint8_t code_pos; /* the reserved slot of the current block's code byte */
    uint8_t code;     /* 1 + bytes in the current block so far */
    uint16_t crc;
};

void frame_begin(struct frame_writer *w, const struct tx_ring_ref *t, uint8_t type);
void frame_put(struct frame_writer *w, uint8_t b);
void frame_put_bytes(struct frame_writer *w, const void *p, uint8_t n);
/* Unsigned LEB128 of v into out: 7 bits a byte, low group first, bit7 = "more follows"
 * (deltas and LOST counts use it: the common case costs one byte). Returns 1..4. Values are
 * below 2^24 (24-bit deltas, 16-bit counts), so on the AVR the shifts are 24-bit. */
#ifdef __AVR__
typedef __uint24 leb_value;
#else
typedef uint32_t leb_value;
#endif
uint8_t leb128_encode(uint8_t out[4], leb_value v);
/* Appends the CRC, closes the last block, writes the 0x00; returns the new head. */
uint8_t frame_end(struct frame_writer *w);

#endif
