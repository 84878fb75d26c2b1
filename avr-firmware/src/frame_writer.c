#include "frame_writer.h"
#include "crc.h"

/* Appends one byte to the COBS output. The state is passed in and out by pointer so that
 * frame_put_bytes can keep it in registers for a whole run of bytes. */
static inline __attribute__((always_inline)) void cobs_step(uint8_t *buf, uint8_t mask, uint8_t *head,
                                                            uint8_t *code_pos, uint8_t *code, uint8_t b)
{
    if (b == 0) {
        buf[*code_pos & mask] = *code;
        *code_pos = (*head)++;
        *code = 1;
        return;
    }
    buf[(*head)++ & mask] = b;
    if (++*code == 0xFF) { /* a full 254-byte block: close it without an implied zero */
        buf[*code_pos & mask] = *code;
        *code_pos = (*head)++;
        *code = 1;
    }
}

static void cobs_put(struct frame_writer *w, uint8_t b)
{
    cobs_step(w->buf, w->mask, &w->head, &w->code_pos, &w->code, b);
}

/* noinline: every frame starts here; one copy of the setup instead of one per encoder. */
__attribute__((noinline)) void frame_begin(struct frame_writer *w, uint8_t *buf, uint8_t mask, uint8_t head,
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

/* The per-byte path of every frame: the writer's state is loaded once, kept in registers
 * for the run of bytes, and stored once (about 40 AVR cycles a byte instead of ~85 when each
 * byte is a call that reloads the struct). */
void frame_put_bytes(struct frame_writer *w, const void *p, uint8_t n)
{
    const uint8_t *b = p;
    uint8_t *buf = w->buf, mask = w->mask, head = w->head, code_pos = w->code_pos, code = w->code;
    uint16_t crc = w->crc;
    w->body_len = (uint8_t)(w->body_len + n);
    while (n--) {
        uint8_t c = *b++;
        crc = crc_update(crc, c);
        cobs_step(buf, mask, &head, &code_pos, &code, c);
    }
    w->head = head;
    w->code_pos = code_pos;
    w->code = code;
    w->crc = crc;
}

void frame_put(struct frame_writer *w, uint8_t b) { frame_put_bytes(w, &b, 1); }

void frame_put32(struct frame_writer *w, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    frame_put_bytes(w, b, 4);
}

/* noinline: called for every record and every LOST marker; inlined at each site it cost
 * ~60 bytes of flash apiece. */
__attribute__((noinline)) uint8_t leb128_encode(uint8_t out[5], uint32_t v)
{
    uint8_t n = 0;
    while (v >= 0x80) {
        out[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    out[n++] = (uint8_t)v;
    return n;
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
