#include "frame_writer.h"
#include "crc.h"

/* noinline: every frame starts here; one copy of the setup instead of one per encoder. */
__attribute__((noinline)) void frame_begin(struct frame_writer *w, const struct tx_ring_ref *t, uint8_t type)
{
    uint8_t h[2] = {type, t->seq};
    w->buf = t->buf;
    w->mask = t->mask;
    w->code_pos = t->head;
    w->head = (uint8_t)(t->head + 1);
    w->code = 1;
    w->crc = CRC_INIT;
    frame_put_bytes(w, h, 2);
}

/* The per-byte path of every frame: the writer's state is loaded once, kept in registers
 * for the run of bytes, and stored once (about 40 AVR cycles a byte instead of ~85 when each
 * byte is a call that reloads the struct). A COBS block never reaches 254 bytes here (a body
 * is at most MAX_BODY = 64), so the "full block" case of COBS needs no code: every block ends
 * at a zero byte or at the end of the frame. */
void frame_put_bytes(struct frame_writer *w, const void *p, uint8_t n)
{
    const uint8_t *b = p;
    uint8_t *buf = w->buf, mask = w->mask, head = w->head, code_pos = w->code_pos, code = w->code;
    uint16_t crc = w->crc;
    while (n--) {
        uint8_t c = *b++;
        crc = crc_update(crc, c);
        if (c) {
            buf[head & mask] = c;
        } else { /* close the block; this slot becomes the next block's code byte */
            buf[code_pos & mask] = code;
            code_pos = head;
            code = 0;
        }
        head++;
        code++;
    }
    w->head = head;
    w->code_pos = code_pos;
    w->code = code;
    w->crc = crc;
}

void frame_put(struct frame_writer *w, uint8_t b) { frame_put_bytes(w, &b, 1); }

/* noinline: called for every record and every LOST marker; inlined at each site it cost
 * ~60 bytes of flash apiece. */
__attribute__((noinline)) uint8_t leb128_encode(uint8_t out[4], leb_value v)
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
    /* The CRC's complement (X-25's final xor) low byte first, then a zero: COBS closes the last
     * block at the zero and reserves the next slot for a code byte, which becomes the frame's
     * 0x00 delimiter instead. */
    uint16_t fcs = (uint16_t)~w->crc;
    uint8_t tail[3] = {(uint8_t)fcs, (uint8_t)(fcs >> 8), 0};
    frame_put_bytes(w, tail, 3);
    w->buf[w->code_pos & w->mask] = 0;
    return w->head;
}
