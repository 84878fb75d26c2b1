/* libFuzzer target: the receive path of the board. Arbitrary bytes go through the frame
 * reader; every frame it accepts goes through the command parser (from an exactly-sized
 * heap copy, so AddressSanitizer catches any read past the body), and the parsed command is
 * answered into a TX ring as the board would. Invariants checked: an accepted body
 * re-encodes to a frame the reader accepts with the same bytes; the parser's req is the
 * payload's first byte; PING never echoes more than 8 bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "command.h"
#include "frame_reader.h"
#include "frame_writer.h"
#include "protocol.h"

static void check(int ok)
{
    if (!ok)
        abort();
}

static void reencode(const uint8_t *body, uint8_t len)
{
    uint8_t ring[128];
    struct frame_writer w;
    struct frame_reader r;
    frame_begin(&w, &(struct tx_ring_ref){ring, 127, 77, body[1]}, body[0]);
    for (uint8_t i = 2; i < len; i++)
        frame_put(&w, body[i]);
    uint8_t end = frame_end(&w);
    enum fr_result res = FR_MORE;
    frame_reader_init(&r);
    for (uint8_t i = 77; i != end; i++)
        res = frame_reader_feed(&r, ring[i & 127]);
    check(res == FR_OK && r.frame_len == len && memcmp(r.body, body, len) == 0);
}

static void answer(const uint8_t *body, uint8_t len)
{
    uint8_t *copy = malloc(len);
    memcpy(copy, body, len);
    struct command c;
    uint8_t detail = 0, ring[128];
    struct tx_ring_ref tr = {ring, 127, 5, 0}, *t = &tr;
    uint8_t nak = command_parse(copy, len, &c, &detail);
    check(c.req == (len > 2 ? copy[2] : 0));
    uint8_t end;
    if (nak)
        end = answer_nak(t, c.req, nak, detail);
    else if (c.type == CMD_PING) {
        check(c.data_len <= PING_MAX);
        end = answer_pong(t, c.req, c.data, c.data_len);
    } else
        end = answer_ack(t, c.req);
    check((uint8_t)(end - 5) <= MAX_WIRE);
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct frame_reader r;
    frame_reader_init(&r);
    for (size_t i = 0; i < size; i++) {
        enum fr_result res = frame_reader_feed(&r, data[i]);
        if (res != FR_OK)
            continue;
        check(r.frame_len >= 2 && r.frame_len <= MAX_BODY - 2);
        reencode(r.body, r.frame_len);
        answer(r.body, r.frame_len);
    }
    return 0;
}
