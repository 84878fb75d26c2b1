#include "wire_frames.h"

#include <string.h>

/* CRC-16/X-25: MCRF4XX's register with a final xor, so a trailing zero byte cannot check. */
uint16_t vb_crc16(const uint8_t *p, size_t n) {
    uint16_t crc = 0xFFFF;
    while (n--) {
        crc ^= *p++;
        for (int i = 0; i < 8; i++) crc = (crc & 1) ? (uint16_t)((crc >> 1) ^ 0x8408) : (uint16_t)(crc >> 1);
    }
    return (uint16_t)~crc;
}

static int cobs_decode(const uint8_t *in, unsigned n, uint8_t *out, unsigned cap, unsigned *len) {
    unsigned i = 0, k = 0;
    while (i < n) {
        uint8_t code = in[i++];
        if (code == 0 || i + code - 1 > n) return -1;
        for (unsigned j = 1; j < code; j++) {
            if (k == cap) return -1;
            out[k++] = in[i++];
        }
        if (code != 0xFF && i < n) {
            if (k == cap) return -1;
            out[k++] = 0;
        }
    }
    *len = k;
    return 0;
}

int vb_frame_feed(vb_frame_reader *r, uint8_t b, vb_frame *out) {
    if (b != 0) {
        if (r->n < sizeof r->enc)
            r->enc[r->n++] = b;
        else
            r->overlong = 1;
        return 0;
    }
    unsigned n = r->n;
    int overlong = r->overlong;
    r->n = 0;
    r->overlong = 0;
    if (n == 0) return 0; /* a flush byte */
    uint8_t body[80];
    unsigned len;
    if (overlong || n > 65 || cobs_decode(r->enc, n, body, sizeof body, &len) || len < 4 || len > 64) {
        r->bad++;
        return -1;
    }
    uint16_t crc = (uint16_t)(body[len - 2] | body[len - 1] << 8);
    if (crc != vb_crc16(body, len - 2)) {
        r->crc_errors++;
        return -1;
    }
    out->type = body[0];
    out->seq = body[1];
    out->len = (uint8_t)(len - 4);
    memcpy(out->payload, body + 2, out->len);
    r->frames++;
    return 1;
}

size_t vb_frame_encode(uint8_t type, uint8_t seq, const uint8_t *payload, size_t n, uint8_t *wire) {
    uint8_t body[64];
    if (n > 60) n = 60;
    body[0] = type;
    body[1] = seq;
    memcpy(body + 2, payload, n);
    uint16_t crc = vb_crc16(body, n + 2);
    body[n + 2] = (uint8_t)crc;
    body[n + 3] = (uint8_t)(crc >> 8);
    size_t len = n + 4, out = 1, code_at = 0;
    uint8_t code = 1;
    for (size_t i = 0; i < len; i++) {
        if (body[i] == 0) {
            wire[code_at] = code;
            code_at = out++;
            code = 1;
        } else {
            wire[out++] = body[i];
            if (++code == 0xFF) {
                wire[code_at] = code;
                code_at = out++;
                code = 1;
            }
        }
    }
    wire[code_at] = code;
    wire[out++] = 0;
    return out;
}

static int leb128(const uint8_t *p, unsigned n, unsigned *i, uint32_t *v) {
    uint32_t x = 0;
    for (int shift = 0; shift < 35; shift += 7) {
        if (*i >= n) return -1;
        uint8_t b = p[(*i)++];
        x |= (uint32_t)(b & 0x7F) << shift;
        if (!(b & 0x80)) {
            *v = x;
            return 0;
        }
    }
    return -1;
}

void vb_events_parse(const vb_frame *f, vb_events_tally *t, void (*edge)(void *ctx, int pin, int level, uint32_t ts),
                     void *ctx) {
    const uint8_t *p = f->payload;
    unsigned n = f->len, i = 4;
    if (n < 4) {
        t->malformed++;
        return;
    }
    uint32_t ts = (uint32_t)(p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24), v;
    while (i < n) {
        uint8_t head = p[i++];
        if (head == 0x7F) {
            if (i >= n || (i++, leb128(p, n, &i, &v))) {
                t->malformed++;
                return;
            }
            t->lost_records++;
            t->lost += v;
            continue;
        }
        if (leb128(p, n, &i, &v)) {
            t->malformed++;
            return;
        }
        ts += v;
        t->edges++;
        t->last_ts = ts;
        if (edge) edge(ctx, head & 0x7F, head >> 7, ts);
    }
}
