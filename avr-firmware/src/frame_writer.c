#include "frame_writer.h"
#include "crc.h"

static inline __attribute__((always_inline)) void cobs_put(struct frame_writer *w, uint8_t b)
{
    if (b == 0) {
        w->buf[w->code_pos & w->mask] = w->code;
        w->code_pos = w->head++;
        w->code = 1;
        return;
    }
    w->buf[w->head++ & w->mask] = b;
    if (++w->code == 0xFF) { /* a full 254-byte block: close it without an implied zero */
        w->buf[w->code_pos & w->mask] = w->code;
        w->code_pos = w->head++;
        w->code = 1;
    }
}

void frame_begin(struct frame_writer *w, uint8_t *buf, uint8_t mask, uint8_t head,
                 uint8_t type, uint8_t seq)
{
    w->buf = buf;
    w->mask = mask;
    w->code_pos = head;
    w->head = (uint8_t)(head + 1);
    w->code = 1;
    w->body_len = 0;
    w->crc = CRC_INIT;
    frame_put(w, type);
    frame_put(w, seq);
}

void frame_put(struct frame_writer *w, uint8_t b)
{
    w->crc = crc_update(w->crc, b);
    w->body_len++;
    cobs_put(w, b);
}

void frame_put16(struct frame_writer *w, uint16_t v)
{
    frame_put(w, (uint8_t)v);
    frame_put(w, (uint8_t)(v >> 8));
}

void frame_put32(struct frame_writer *w, uint32_t v)
{
    frame_put16(w, (uint16_t)v);
    frame_put16(w, (uint16_t)(v >> 16));
}

void frame_put_leb128(struct frame_writer *w, uint32_t v)
{
    while (v >= 0x80) {
        frame_put(w, (uint8_t)(v | 0x80));
        v >>= 7;
    }
    frame_put(w, (uint8_t)v);
}

uint8_t frame_end(struct frame_writer *w)
{
    uint16_t crc = w->crc;
    cobs_put(w, (uint8_t)crc);
    cobs_put(w, (uint8_t)(crc >> 8));
    w->buf[w->code_pos & w->mask] = w->code;
    w->buf[w->head++ & w->mask] = 0;
    return w->head;
}
