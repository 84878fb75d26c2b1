#include "answers.h"
#include "critical.h"
#include "frame_writer.h"
#include "protocol.h"

static void begin(struct frame_writer *w, struct tx_ring_ref t, uint8_t type, uint8_t req)
{
    frame_begin(w, t.buf, t.mask, t.head, type, t.seq);
    frame_put(w, req);
}

uint8_t answer_hello(struct tx_ring_ref t, uint8_t req, const struct hello_info *h)
{
    struct frame_writer w;
    begin(&w, t, ANS_HELLO, req);
    frame_put(&w, PROTO_VERSION);
    frame_put(&w, FW_MAJOR);
    frame_put(&w, FW_MINOR);
    for (uint8_t i = 0; i < 3; i++)
        frame_put(&w, h->signature[i]);
    frame_put32(&w, h->f_cpu);
    frame_put16(&w, TICK_NS);
    frame_put16(&w, h->capabilities);
    frame_put(&w, h->reset_cause);
    frame_put32(&w, h->baud);
    frame_put(&w, h->n_pins);
    return frame_end(&w);
}

uint8_t answer_ack(struct tx_ring_ref t, uint8_t req)
{
    struct frame_writer w;
    begin(&w, t, ANS_ACK, req);
    return frame_end(&w);
}

uint8_t answer_nak(struct tx_ring_ref t, uint8_t req, uint8_t code, uint8_t detail)
{
    struct frame_writer w;
    begin(&w, t, ANS_NAK, req);
    frame_put(&w, code);
    frame_put(&w, detail);
    return frame_end(&w);
}

uint8_t answer_pong(struct tx_ring_ref t, uint8_t req, const uint8_t *data, uint8_t n)
{
    struct frame_writer w;
    begin(&w, t, ANS_PONG, req);
    if (n > PING_MAX)
        n = PING_MAX;
    while (n--)
        frame_put(&w, *data++);
    return frame_end(&w);
}

uint8_t answer_analog(struct tx_ring_ref t, uint8_t req, uint8_t channel, uint16_t value, uint32_t ts)
{
    struct frame_writer w;
    begin(&w, t, ANS_ANALOG, req);
    frame_put(&w, channel);
    frame_put16(&w, value);
    frame_put32(&w, ts);
    return frame_end(&w);
}

uint8_t answer_stats(struct tx_ring_ref t, uint8_t req, const struct link_stats *s, const struct drops *d)
{
    struct frame_writer w;
    begin(&w, t, ANS_STATS, req);
    frame_put16(&w, s->crc_errors);
    frame_put16(&w, s->bad_frames);
    frame_put16(&w, s->rx_overruns);
    frame_put(&w, d->n);
    for (uint8_t i = 0; i < d->n; i++) {
        uint16_t c;
        CRITICAL { c = d->count[i]; }
        frame_put(&w, d->ids[i]);
        frame_put16(&w, c);
    }
    return frame_end(&w);
}

uint8_t answer_clock(struct tx_ring_ref t, uint8_t req, uint32_t ts)
{
    struct frame_writer w;
    begin(&w, t, ANS_CLOCK, req);
    frame_put32(&w, ts);
    return frame_end(&w);
}

uint8_t answer_reset_cause(struct tx_ring_ref t, uint8_t req, uint8_t mcusr)
{
    struct frame_writer w;
    begin(&w, t, ANS_RESET_CAUSE, req);
    frame_put(&w, mcusr);
    return frame_end(&w);
}
