#include "frame_reader.h"
#include "crc.h"

void frame_reader_init(struct frame_reader *r)
{
    r->len = 0;
    r->remaining = 0;
    r->code = 0;
    r->overflow = 0;
}

static void store(struct frame_reader *r, uint8_t b)
{
    if (r->len >= MAX_BODY) {
        r->overflow = 1;
        return;
    }
    r->body[r->len++] = b;
}

static enum fr_result finish(struct frame_reader *r)
{
    uint8_t remaining = r->remaining, code = r->code, overflow = r->overflow, len = r->len;
    frame_reader_init(r);
    if (code == 0)
        return FR_EMPTY;
    if (remaining != 0)
        return FR_COBS;
    if (overflow)
        return FR_TOO_LONG;
    if (len < 4)
        return FR_SHORT;
    /* The register run over the body and its own FCS (low byte first) leaves X-25's constant
     * residue (CRC_RESIDUE): one pass, no separate compare of the two bytes. Not 0 as without
     * the final xor, so a stray zero byte after a good FCS changes it and fails. */
    if (crc_block(r->body, len) != CRC_RESIDUE)
        return FR_CRC;
    r->frame_len = (uint8_t)(len - 2);
    return FR_OK;
}

/* One store() site (it is inlined): a code byte that ends a block with an implied zero stores
 * that zero through the same path as a data byte. */
enum fr_result frame_reader_feed(struct frame_reader *r, uint8_t b)
{
    if (b == 0)
        return finish(r);
    uint8_t rem = r->remaining, implied = 1;
    if (rem == 0) { /* a code byte: the block before it ended with a zero unless it was full */
        uint8_t code = r->code;
        implied = code != 0 && code != 0xFF;
        r->code = b;
        rem = b;
        b = 0;
    }
    if (implied)
        store(r, b);
    r->remaining = (uint8_t)(rem - 1);
    return FR_MORE;
}
