#include "answers.h"
#include <string.h>
#include "critical.h"
#include "frame_writer.h"
#include "protocol.h"

uint8_t answer_send(const struct tx_ring_ref *t, uint8_t type, uint8_t req, const void *payload, uint8_t n)
{
    struct frame_writer w;
    frame_begin(&w, t, type);
    frame_put(&w, req);
    frame_put_bytes(&w, payload, n);
    return frame_end(&w);
}

uint8_t answer_hello(const struct tx_ring_ref *t, uint8_t req, const struct hello_info *h)
{
    return answer_send(t, ANS_HELLO, req, h, sizeof *h);
}

uint8_t answer_ack(const struct tx_ring_ref *t, uint8_t req) { return answer_send(t, ANS_ACK, req, 0, 0); }

uint8_t answer_nak(const struct tx_ring_ref *t, uint8_t req, uint8_t code, uint8_t detail)
{
    uint8_t p[2] = {code, detail};
    return answer_send(t, ANS_NAK, req, p, 2);
}

uint8_t answer_pong(const struct tx_ring_ref *t, uint8_t req, const uint8_t *data, uint8_t n)
{
    return answer_send(t, ANS_PONG, req, data, n > PING_MAX ? PING_MAX : n);
}

uint8_t answer_analog(const struct tx_ring_ref *t, uint8_t req, uint8_t channel, uint16_t value, uint32_t ts)
{
    struct __attribute__((packed)) { uint8_t channel; uint16_t value; uint32_t ts; } p = {channel, value, ts};
    return answer_send(t, ANS_ANALOG, req, &p, sizeof p);
}

uint8_t answer_stats(const struct tx_ring_ref *t, uint8_t req, const volatile struct link_stats *s, const struct drops *d)
{
    struct __attribute__((packed)) { uint8_t id; uint16_t count; } *e;
    uint8_t p[sizeof *s + 1 + 3 * 16], n = d->n > 16 ? 16 : d->n;
    CRITICAL { memcpy(p, (const void *)s, sizeof *s); } /* the RX ISR writes rx_overruns */
    p[sizeof *s] = n;
    e = (void *)(p + sizeof *s + 1);
    for (uint8_t i = 0; i < n; i++, e++) {
        e->id = flash_byte(&d->ids[i]);
        CRITICAL { e->count = d->count[i]; }
    }
    return answer_send(t, ANS_STATS, req, p, (uint8_t)(sizeof *s + 1 + 3 * n));
}

uint8_t answer_clock(const struct tx_ring_ref *t, uint8_t req, uint32_t ts) { return answer_send(t, ANS_CLOCK, req, &ts, 4); }

uint8_t answer_reset_cause(const struct tx_ring_ref *t, uint8_t req, uint8_t mcusr)
{
    return answer_send(t, ANS_RESET_CAUSE, req, &mcusr, 1);
}
