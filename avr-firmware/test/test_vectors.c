/* The shared wire vectors (tests/vectors/frames.txt), both ways:
 *   decoding: the firmware's frame reader and command parser, plus a test-side decoder of
 *             board->host frames, turn each line's bytes back into its meaning text;
 *   encoding: the firmware's encoders (answers, events_fill over a real ring) turn each
 *             board->host meaning into the line's bytes; host->board frames are built with
 *             the firmware's frame writer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "command.h"
#include "events.h"
#include "frame_reader.h"
#include "frame_writer.h"
#include "protocol.h"
#include "vectors.h"

#ifndef VECTORS_FILE
#define VECTORS_FILE "tests/vectors/frames.txt"
#endif

static const char *cmd_names[] = {"HELLO", "PIN_MODE", "ARM", "DIGITAL_WRITE", "PWM_WRITE",
                                  "ANALOG_READ", "PING", "CLOCK", "STATS", "RESET_CAUSE",
                                  "READ_PIN", "STREAM", "MSG", "SERVO", "I2C", "I2C_POLL"};
#define N_CMD_NAMES (int)(sizeof cmd_names / sizeof *cmd_names)

static const char *error_name(enum fr_result r)
{
    switch (r) {
    case FR_COBS: return "cobs";
    case FR_TOO_LONG: return "too_long";
    case FR_SHORT: return "short";
    case FR_CRC: return "crc";
    default: return "?";
    }
}

/* ---- decoding ------------------------------------------------------------------------ */

struct out { char s[1024]; size_t n; };

static void say(struct out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    o->n += (size_t)vsnprintf(o->s + o->n, sizeof o->s - o->n, fmt, ap);
    va_end(ap);
}

static void say_hex(struct out *o, const char *key, const uint8_t *p, int n)
{
    say(o, " %s=", key);
    if (n == 0)
        say(o, "-");
    for (int i = 0; i < n; i++)
        say(o, "%02x", p[i]);
}

static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const uint8_t *p) { return rd16(p) | (uint32_t)rd16(p + 2) << 16; }

static uint32_t rd_leb128(const uint8_t *p, int *i, int n)
{
    uint32_t v = 0;
    for (int shift = 0; *i < n; shift += 7) {
        uint8_t b = p[(*i)++];
        v |= (uint32_t)(b & 0x7F) << shift;
        if (!(b & 0x80))
            break;
    }
    return v;
}

static void format_h2b(struct out *o, const uint8_t *body, uint8_t len)
{
    struct command c;
    uint8_t detail = 0, nak = command_parse(body, len, &c, &detail);
    if (nak == NAK_UNKNOWN_COMMAND || nak == NAK_BAD_LENGTH) {
        say(o, "h2b RAW type=0x%02x seq=%u", body[0], body[1]);
        say_hex(o, "data", body + 2, len - 2);
    } else {
        say(o, "h2b %s seq=%u req=%u", cmd_names[c.type - CMD_HELLO], body[1], c.req);
        switch (c.type) {
        case CMD_PIN_MODE: say(o, " pin=%u mode=%u", c.pin, c.arg); break;
        case CMD_ARM: say(o, " pin=%u edges=%u debounce=%u", c.pin, c.arg, c.debounce); break;
        case CMD_DIGITAL_WRITE: say(o, " pin=%u level=%u", c.pin, c.arg); break;
        case CMD_PWM_WRITE: say(o, " pin=%u duty=%u", c.pin, c.arg); break;
        case CMD_SERVO: say(o, " pin=%u op=%u ticks=%u", c.pin, c.arg, c.debounce); break;
        case CMD_ANALOG_READ: say(o, " channel=%u", c.pin); break;
        case CMD_PING: say_hex(o, "data", c.data, c.data_len); break;
        case CMD_READ_PIN: say(o, " pin=%u", c.pin); break;
        case CMD_STREAM: say(o, " mask=%u interval=%u", c.pin | c.arg << 8, c.debounce); break;
        case CMD_MSG:
            say(o, " topic=%u", c.data[0]);
            say_hex(o, "data", c.data + 1, c.data_len - 1);
            break;
        case CMD_I2C: /* addr, nread, bytes to write */
            say(o, " addr=%u nread=%u", c.pin, c.arg);
            say_hex(o, "data", c.data + 2, c.data_len - 2);
            break;
        case CMD_I2C_POLL: say(o, " addr=%u reg=%u n=%u interval_ms=%u", c.data[0], c.data[1], c.data[2], rd16(c.data + 3)); break;
        }
    }
    if (nak)
        say(o, " answer=NAK:%u:%u", nak, detail);
}

/* Board->host frames: the firmware only encodes these, so the decoder lives in the test. */
static void format_b2h(struct out *o, const uint8_t *b, uint8_t len)
{
    const uint8_t *p = b + 2;
    int n = len - 2;
    switch (b[0]) {
    case ANS_HELLO:
        say(o, "b2h HELLO seq=%u req=%u proto=%u fw_major=%u fw_minor=%u signature=%02x%02x%02x "
               "f_cpu=%u tick_ns=%u caps=%u reset_cause=%u baud=%u n_pins=%u",
            b[1], p[0], p[1], p[2], p[3], p[4], p[5], p[6], rd32(p + 7), rd16(p + 11), rd16(p + 13),
            p[15], rd32(p + 16), p[20]);
        break;
    case ANS_EVENTS: {
        say(o, "b2h EVENTS seq=%u base_ts=%u", b[1], rd32(p));
        for (int i = 4; i < n;) {
            uint8_t head = p[i++];
            if (head == LOST_MARKER) {
                uint8_t src = p[i++];
                say(o, " lost=%u:%u", src, rd_leb128(p, &i, n));
            } else {
                say(o, " edge=%u:%u:%u", head & 0x7F, head >> 7, rd_leb128(p, &i, n));
            }
        }
        break;
    }
    case ANS_SAMPLES: { /* module stream: its encoder runs on the AVR only (stream.c) */
        say(o, "b2h SAMPLES seq=%u base_ts=%u", b[1], rd32(p));
        for (int i = 4; i + 1 < n;) {
            uint16_t w = rd16(p + i);
            i += 2;
            if (w & 0x8000)
                say(o, " lost=%u", w & 0x7FFF);
            else
                say(o, " sample=%u:%u:%u", w >> 10, w & 0x3FF, rd_leb128(p, &i, n));
        }
        break;
    }
    case ANS_LEVEL: say(o, "b2h LEVEL seq=%u req=%u pin=%u level=%u ts=%u", b[1], p[0], p[1], p[2], rd32(p + 3)); break;
    case ANS_ACK: say(o, "b2h ACK seq=%u req=%u", b[1], p[0]); break;
    case ANS_NAK: say(o, "b2h NAK seq=%u req=%u code=%u detail=%u", b[1], p[0], p[1], p[2]); break;
    case ANS_PONG:
        say(o, "b2h PONG seq=%u req=%u", b[1], p[0]);
        say_hex(o, "data", p + 1, n - 1);
        break;
    case ANS_ANALOG:
        say(o, "b2h ANALOG seq=%u req=%u channel=%u value=%u ts=%u", b[1], p[0], p[1], rd16(p + 2), rd32(p + 4));
        break;
    case ANS_STATS:
        say(o, "b2h STATS seq=%u req=%u crc_errors=%u bad_frames=%u rx_overruns=%u", b[1], p[0],
            rd16(p + 1), rd16(p + 3), rd16(p + 5));
        for (int i = 0; i < p[7]; i++)
            say(o, " drop=%u:%u", p[8 + 3 * i], rd16(p + 9 + 3 * i));
        break;
    case ANS_CLOCK: say(o, "b2h CLOCK seq=%u req=%u ts=%u", b[1], p[0], rd32(p + 1)); break;
    case ANS_RESET_CAUSE: say(o, "b2h RESET_CAUSE seq=%u req=%u mcusr=%u", b[1], p[0], p[1]); break;
    case ANS_I2C:
        say(o, "b2h I2C seq=%u req=%u status=%u", b[1], p[0], p[1]);
        say_hex(o, "data", p + 2, n - 2);
        break;
    case ANS_I2C_READINGS:
        say(o, "b2h I2C_READINGS seq=%u reading_seq=%u ts=%u status=%u", b[1], rd16(p), rd32(p + 2), p[6]);
        say_hex(o, "data", p + 7, n - 7);
        break;
    default:
        say(o, "b2h RAW type=0x%02x seq=%u", b[0], b[1]);
        say_hex(o, "data", p, n);
    }
}

static void check_decode(const struct vector *v)
{
    struct frame_reader r;
    struct out o = {.n = 0};
    enum fr_result res = FR_MORE;
    frame_reader_init(&r);
    for (int i = 0; i < v->wire_len; i++) {
        res = frame_reader_feed(&r, v->wire[i]);
        if (i < v->wire_len - 1 && res != FR_MORE) {
            print_error("frames.txt:%d: frame ended early at byte %d\n", v->line, i);
            fail();
        }
    }
    if (res == FR_OK) {
        /* the direction comes from the line: a board NAKs a board->host type sent to it */
        if (strcmp(v->tok[0], "h2b") == 0)
            format_h2b(&o, r.body, r.frame_len);
        else
            format_b2h(&o, r.body, r.frame_len);
    } else {
        say(&o, "INVALID error=%s", error_name(res));
    }
    if (strcmp(o.s, v->meaning) != 0) {
        print_error("frames.txt:%d: decoding gives\n  %s\nbut the file says\n  %s\n", v->line, o.s, v->meaning);
        fail();
    }
}

/* ---- encoding ------------------------------------------------------------------------ */

static uint8_t tx[256];

static int expect_bytes(const struct vector *v, uint8_t end)
{
    if (end != v->wire_len || memcmp(tx, v->wire, end) != 0) {
        print_error("frames.txt:%d: encoding the meaning gives %u bytes:\n  ", v->line, end);
        for (int i = 0; i < end; i++)
            print_error("%02x ", tx[i]);
        print_error("\n");
        return 0;
    }
    return 1;
}

static uint8_t find_type(const char *name, const char *const *names, int n, int first)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return (uint8_t)(first + i);
    return 0;
}

static uint8_t encode_h2b(const struct vector *v)
{
    struct frame_writer w;
    uint8_t data[64];
    const char *name = v->tok[1];
    if (strcmp(name, "RAW") == 0) {
        int n = hex_bytes(vector_get(v, "data", 0), data, sizeof data);
        frame_begin(&w, &(struct tx_ring_ref){tx, 0xFF, 0, (uint8_t)vector_num(v, "seq")}, (uint8_t)vector_num(v, "type"));
        for (int i = 0; i < n; i++)
            frame_put(&w, data[i]);
        return frame_end(&w);
    }
    uint8_t type = find_type(name, cmd_names, N_CMD_NAMES, CMD_HELLO);
    assert_true(type != 0);
    frame_begin(&w, &(struct tx_ring_ref){tx, 0xFF, 0, (uint8_t)vector_num(v, "seq")}, type);
    frame_put(&w, (uint8_t)vector_num(v, "req"));
    static const char *const byte_keys[] = {"pin", "mode", "edges", "level", "duty", "channel", "topic", "op", "addr", "nread", "reg", "n"};
    for (int i = 3; i < v->ntok; i++) { /* the arguments in the line's order are the wire order */
        for (size_t k = 0; k < sizeof byte_keys / sizeof *byte_keys; k++)
            if (vector_get(v, byte_keys[k], 0) == v->tok[i] + strlen(byte_keys[k]) + 1)
                frame_put(&w, (uint8_t)strtoul(v->tok[i] + strlen(byte_keys[k]) + 1, NULL, 0));
        const char *u16key = !strncmp(v->tok[i], "debounce=", 9) ? v->tok[i] + 9 : !strncmp(v->tok[i], "ticks=", 6) ? v->tok[i] + 6 : !strncmp(v->tok[i], "interval_ms=", 12) ? v->tok[i] + 12 : !strncmp(v->tok[i], "mask=", 5)
                             ? v->tok[i] + 5 : !strncmp(v->tok[i], "interval=", 9) ? v->tok[i] + 9 : NULL;
        if (u16key) {
            unsigned long d = strtoul(u16key, NULL, 0);
            frame_put(&w, (uint8_t)d);
            frame_put(&w, (uint8_t)(d >> 8));
        }
        if (strncmp(v->tok[i], "data=", 5) == 0) {
            int n = hex_bytes(v->tok[i] + 5, data, sizeof data);
            for (int j = 0; j < n; j++)
                frame_put(&w, data[j]);
        }
    }
    return frame_end(&w);
}

static uint8_t encode_events(const struct vector *v)
{
    static struct ev_ring ring;
    uint8_t ids[16];
    uint16_t count[16], reported[16];
    struct drops d = {.n = 0, .ids = ids, .count = count, .reported = reported};
    uint32_t ts = (uint32_t)vector_num(v, "base_ts");
    int lost = 0;
    memset(&ring, 0, sizeof ring);
    ring.head = ring.tail = 200; /* start near the wrap of the free-running indices */
    for (int i = 3; i < v->ntok; i++) {
        unsigned a, b, c;
        if (sscanf(v->tok[i], "edge=%u:%u:%u", &a, &b, &c) == 3) {
            ts += c;
            /* pushed before the loss is marked pending: the producer takes no edge while one is
             * (ring.h), but a vector may put edges after a marker, as a later frame would */
            assert_true(ev_ring_push(&ring, ts, (uint8_t)(b << 7 | a)));
        } else if (sscanf(v->tok[i], "lost=%u:%u", &a, &b) == 2) {
            if (!lost) {
                lost = 1;
                ring.lost_at = ring.head;
            }
            ids[d.n] = (uint8_t)a;
            reported[d.n] = 1000;
            count[d.n++] = (uint16_t)(1000 + b);
        }
    }
    ring.lost_pending = (uint8_t)lost;
    struct tx_ring_ref t = {tx, 0xFF, 0, (uint8_t)vector_num(v, "seq")};
    uint8_t end = events_fill(&t, &ring, &d, ev_ring_count(&ring), (uint32_t)vector_num(v, "base_ts"));
    assert_int_equal(ev_ring_count(&ring), 0);
    assert_false(ring.lost_pending);
    return end;
}

static uint8_t encode_b2h(const struct vector *v)
{
    static const char *const names[] = {"ACK", "NAK", "PONG", "ANALOG", "STATS", "CLOCK", "RESET_CAUSE"};
    struct tx_ring_ref tr = {tx, 0xFF, 0, (uint8_t)vector_num(v, "seq")}, *t = &tr;
    uint8_t req = (uint8_t)vector_num(v, "req");
    const char *name = v->tok[1];
    if (strcmp(name, "EVENTS") == 0)
        return encode_events(v);
    if (strcmp(name, "LEVEL") == 0) {
        uint8_t lv[6] = {(uint8_t)vector_num(v, "pin"), (uint8_t)vector_num(v, "level")};
        uint32_t ts = (uint32_t)vector_num(v, "ts");
        memcpy(lv + 2, &ts, 4);
        return answer_send(t, ANS_LEVEL, req, lv, 6); /* as dispatch.c sends it */
    }
    if (strcmp(name, "SAMPLES") == 0) { /* the layout stream.c writes, through the frame writer */
        struct frame_writer w;
        uint32_t base = (uint32_t)vector_num(v, "base_ts");
        frame_begin(&w, t, ANS_SAMPLES);
        frame_put_bytes(&w, &base, 4);
        for (int i = 3; i < v->ntok; i++) {
            unsigned a, b, c;
            uint8_t leb[4];
            uint16_t word;
            if (sscanf(v->tok[i], "sample=%u:%u:%u", &a, &b, &c) == 3) {
                word = (uint16_t)(b | a << 10);
                frame_put_bytes(&w, &word, 2);
                frame_put_bytes(&w, leb, leb128_encode(leb, c));
            } else if (sscanf(v->tok[i], "lost=%u", &a) == 1) {
                word = (uint16_t)(0x8000 | a);
                frame_put_bytes(&w, &word, 2);
            }
        }
        return frame_end(&w);
    }
    if (strncmp(name, "I2C", 3) == 0) { /* module i2c's frames, as i2c.c writes them */
        uint8_t p[64], n = 0;
        int readings = strcmp(name, "I2C_READINGS") == 0;
        if (readings) {
            uint16_t s = (uint16_t)vector_num(v, "reading_seq");
            uint32_t ts = (uint32_t)vector_num(v, "ts");
            p[n++] = (uint8_t)s, p[n++] = (uint8_t)(s >> 8);
            for (int i = 0; i < 4; i++)
                p[n++] = (uint8_t)(ts >> 8 * i);
        }
        p[n++] = (uint8_t)vector_num(v, "status");
        n = (uint8_t)(n + hex_bytes(vector_get(v, "data", 0), p + n, (int)sizeof p - n));
        if (!readings)
            return answer_send(t, ANS_I2C, req, p, n);
        struct frame_writer w;
        frame_begin(&w, t, ANS_I2C_READINGS);
        frame_put_bytes(&w, p, n);
        return frame_end(&w);
    }
    if (strcmp(name, "HELLO") == 0) {
        struct hello_info h;
        assert_int_equal(hex_bytes(vector_get(v, "signature", 0), h.signature, 3), 3);
        h.proto_version = (uint8_t)vector_num(v, "proto");
        h.fw_major = (uint8_t)vector_num(v, "fw_major");
        h.fw_minor = (uint8_t)vector_num(v, "fw_minor");
        h.tick_ns = (uint16_t)vector_num(v, "tick_ns");
        h.f_cpu = (uint32_t)vector_num(v, "f_cpu");
        h.capabilities = (uint16_t)vector_num(v, "caps");
        h.reset_cause = (uint8_t)vector_num(v, "reset_cause");
        h.baud = (uint32_t)vector_num(v, "baud");
        h.n_pins = (uint8_t)vector_num(v, "n_pins");
        assert_int_equal(vector_num(v, "proto"), PROTO_VERSION);
        assert_int_equal(vector_num(v, "tick_ns"), TICK_NS);
        return answer_hello(t, req, &h);
    }
    switch (find_type(name, names, 7, ANS_ACK)) {
    case ANS_ACK: return answer_ack(t, req);
    case ANS_NAK: return answer_nak(t, req, (uint8_t)vector_num(v, "code"), (uint8_t)vector_num(v, "detail"));
    case ANS_PONG: {
        uint8_t data[16];
        int n = hex_bytes(vector_get(v, "data", 0), data, sizeof data);
        return answer_pong(t, req, data, (uint8_t)n);
    }
    case ANS_ANALOG:
        return answer_analog(t, req, (uint8_t)vector_num(v, "channel"), (uint16_t)vector_num(v, "value"),
                             (uint32_t)vector_num(v, "ts"));
    case ANS_STATS: {
        struct link_stats s = {(uint16_t)vector_num(v, "crc_errors"), (uint16_t)vector_num(v, "bad_frames"),
                               (uint16_t)vector_num(v, "rx_overruns")};
        uint8_t ids[16];
        uint16_t count[16];
        struct drops d = {.n = 0, .ids = ids, .count = count, .reported = NULL};
        const char *s2;
        unsigned a, b;
        while ((s2 = vector_get(v, "drop", d.n)) && sscanf(s2, "%u:%u", &a, &b) == 2) {
            ids[d.n] = (uint8_t)a;
            count[d.n++] = (uint16_t)b;
        }
        return answer_stats(t, req, &s, &d);
    }
    case ANS_CLOCK: return answer_clock(t, req, (uint32_t)vector_num(v, "ts"));
    case ANS_RESET_CAUSE: return answer_reset_cause(t, req, (uint8_t)vector_num(v, "mcusr"));
    }
    print_error("frames.txt:%d: unknown b2h type %s\n", v->line, name);
    fail();
    return 0;
}

/* ---- the tests ----------------------------------------------------------------------- */

static int for_each_vector(void (*check)(const struct vector *), int *count)
{
    FILE *f = fopen(VECTORS_FILE, "r");
    if (!f) {
        print_error("cannot open %s\n", VECTORS_FILE);
        return -1;
    }
    static struct vector v;
    int lineno = 0, rc;
    while ((rc = vector_next(f, &v, &lineno)) > 0) {
        check(&v);
        (*count)++;
    }
    fclose(f);
    return rc;
}

static int invalid_count;
static void check_encode(const struct vector *v)
{
    if (strcmp(v->tok[0], "INVALID") == 0) {
        invalid_count++;
        return;
    }
    uint8_t end = strcmp(v->tok[0], "h2b") == 0 ? encode_h2b(v) : encode_b2h(v);
    if (!expect_bytes(v, end))
        fail();
}

static void decoding_each_vector_gives_its_meaning(void **state)
{
    (void)state;
    int n = 0;
    assert_int_equal(for_each_vector(check_decode, &n), 0);
    assert_true(n >= 50);
}

static void encoding_each_meaning_gives_its_bytes(void **state)
{
    (void)state;
    int n = 0;
    invalid_count = 0;
    assert_int_equal(for_each_vector(check_encode, &n), 0);
    assert_true(invalid_count >= 6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decoding_each_vector_gives_its_meaning),
        cmocka_unit_test(encoding_each_meaning_gives_its_bytes),
    };
    return cmocka_run_group_tests_name("wire vectors (tests/vectors/frames.txt)", tests, NULL, NULL);
}
