/* CRC-16/X-25 and the streaming COBS frame writer/reader, as a reader would use them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "crc.h"
#include "frame_reader.h"
#include "frame_writer.h"

static void crc_matches_the_catalogue_check_value(void **state)
{
    (void)state;
    /* crc_block is the register (MCRF4XX's value); X-25's CRC is its complement */
    assert_int_equal((uint16_t)~crc_block((const uint8_t *)"123456789", 9), 0x906E);
    assert_int_equal(crc_block(NULL, 0), 0xFFFF);
}

/* Writes type, seq, payload through a 128-byte ring starting at `head` (so frames wrap), then
 * reads the ring back byte by byte through the reader. */
static enum fr_result roundtrip(const uint8_t *payload, uint8_t n, uint8_t head, struct frame_reader *r,
                                uint8_t *wire_len)
{
    uint8_t ring[128];
    struct frame_writer w;
    frame_begin(&w, &(struct tx_ring_ref){ring, 127, head, 7}, 0x42);
    for (uint8_t i = 0; i < n; i++)
        frame_put(&w, payload[i]);
    uint8_t end = frame_end(&w);
    *wire_len = (uint8_t)(end - head);
    enum fr_result res = FR_MORE;
    for (uint8_t i = head; i != end; i++) {
        uint8_t b = ring[i & 127];
        assert_int_equal(res, FR_MORE);
        assert_true(b != 0 || (uint8_t)(i + 1) == end); /* the only zero is the delimiter */
        res = frame_reader_feed(r, b);
    }
    return res;
}

static void every_payload_length_survives_the_round_trip(void **state)
{
    (void)state;
    struct frame_reader r;
    frame_reader_init(&r);
    srand(1);
    for (int trial = 0; trial < 2000; trial++) {
        uint8_t n = (uint8_t)(trial % 61), p[60], wire_len;
        for (int i = 0; i < n; i++) /* many zeros, so COBS has work to do */
            p[i] = (uint8_t)(rand() % 3 == 0 ? 0 : rand());
        assert_int_equal(roundtrip(p, n, (uint8_t)rand(), &r, &wire_len), FR_OK);
        assert_int_equal(r.frame_len, n + 2);
        assert_int_equal(wire_len, n + 2 + 2 + 2); /* + crc + code byte + delimiter */
        assert_int_equal(r.body[0], 0x42);
        assert_int_equal(r.body[1], 7);
        assert_memory_equal(r.body + 2, p, n);
    }
}

static void a_body_over_64_bytes_is_too_long_and_the_next_frame_still_reads(void **state)
{
    (void)state;
    struct frame_reader r;
    uint8_t p[61] = {0}, wire_len;
    frame_reader_init(&r);
    assert_int_equal(roundtrip(p, 61, 0, &r, &wire_len), FR_TOO_LONG);
    assert_int_equal(roundtrip(p, 60, 0, &r, &wire_len), FR_OK);
}

static void garbage_resynchronises_at_the_next_zero(void **state)
{
    (void)state;
    struct frame_reader r;
    uint8_t p[3] = {1, 0, 2}, wire_len;
    frame_reader_init(&r);
    for (int i = 0; i < 500; i++) /* 500 bytes of noise without a zero */
        assert_int_equal(frame_reader_feed(&r, (uint8_t)(i % 255 + 1)), FR_MORE);
    assert_int_not_equal(frame_reader_feed(&r, 0), FR_OK);
    assert_int_equal(frame_reader_feed(&r, 0), FR_EMPTY);
    assert_int_equal(roundtrip(p, 3, 5, &r, &wire_len), FR_OK);
}

static void one_flipped_bit_anywhere_is_never_accepted(void **state)
{
    (void)state;
    uint8_t ring[128], p[8] = {9, 8, 0, 6, 5, 0, 3, 2};
    struct frame_writer w;
    frame_begin(&w, &(struct tx_ring_ref){ring, 127, 0, 1}, 0x87);
    for (int i = 0; i < 8; i++)
        frame_put(&w, p[i]);
    uint8_t end = frame_end(&w);
    for (uint8_t byte = 0; byte + 1 < end; byte++) {
        for (uint8_t bit = 0; bit < 8; bit++) {
            struct frame_reader r;
            enum fr_result res = FR_MORE;
            frame_reader_init(&r);
            for (uint8_t i = 0; i < end && res == FR_MORE; i++)
                res = frame_reader_feed(&r, i == byte ? (uint8_t)(ring[i] ^ (1u << bit)) : ring[i]);
            /* a flip that makes a zero ends the frame early; either way it is not FR_OK */
            assert_int_not_equal(res, FR_OK);
        }
    }
}

/* Writes a one-edge EVENTS frame (type 0x11, seq, base_ts = ts, pin 2 rising, delta 0) into ring;
 * returns its length on the wire (the last byte is the 0x00 delimiter). */
static uint8_t events_frame(uint8_t ring[128], uint32_t ts)
{
    struct frame_writer w;
    uint8_t p[6] = {(uint8_t)ts, (uint8_t)(ts >> 8), (uint8_t)(ts >> 16), (uint8_t)(ts >> 24), 0x82, 0x00};
    frame_begin(&w, &(struct tx_ring_ref){ring, 127, 0, 21}, 0x11);
    frame_put_bytes(&w, p, 6);
    return frame_end(&w);
}

static enum fr_result feed_all(const uint8_t *b, uint8_t n)
{
    struct frame_reader r;
    enum fr_result res = FR_MORE;
    frame_reader_init(&r);
    for (uint8_t i = 0; i < n && res == FR_MORE; i++)
        res = frame_reader_feed(&r, b[i]);
    return res;
}

/* Protocol version 1's check (no final xor) took both corruptions below: its register over a good
 * body + FCS is 0, and a 0 register stays 0 through a zero byte. Shown here on the version-1 FCS. */
static void version_1_took_a_body_with_a_zero_byte_appended(void **state)
{
    (void)state;
    uint8_t b[11] = {0x11, 21, 0x90, 0xd0, 0x03, 0x00, 0x82, 0x00};
    uint16_t v1 = crc_block(b, 8); /* version 1 sent the register itself */
    b[8] = (uint8_t)v1;
    b[9] = (uint8_t)(v1 >> 8);
    b[10] = 0;
    assert_int_equal(crc_block(b, 10), 0);
    assert_int_equal(crc_block(b, 11), 0); /* the appended zero: still "valid" under version 1 */
    assert_int_not_equal(crc_block(b, 11), CRC_RESIDUE);
}

/* 0x01 inserted before the final 0x00 of an EVENTS frame: COBS decodes body + 0x00. */
static void a_01_inserted_before_the_delimiter_is_a_crc_error(void **state)
{
    (void)state;
    uint8_t ring[130];
    uint8_t n = events_frame(ring, 250000);
    assert_int_equal(feed_all(ring, n), FR_OK);
    ring[n] = 0;
    ring[n - 1] = 0x01;
    assert_int_equal(feed_all(ring, (uint8_t)(n + 1)), FR_CRC);
}

/* An EVENTS frame whose FCS high byte is 0 ends in an empty COBS block: dropping its code byte
 * (0x01) drops the body's last byte, a zero; the shorter body must not check. */
static void the_last_code_byte_dropped_is_a_crc_error(void **state)
{
    (void)state;
    uint8_t ring[130];
    uint32_t ts = 0;
    uint8_t n;
    for (;; ts++) {
        uint8_t b[8] = {0x11, 21, (uint8_t)ts, (uint8_t)(ts >> 8), (uint8_t)(ts >> 16), (uint8_t)(ts >> 24), 0x82, 0};
        if ((uint16_t)~crc_block(b, 8) >> 8 == 0)
            break;
    }
    n = events_frame(ring, ts);
    assert_int_equal(ring[n - 2], 0x01); /* the empty last block's code byte */
    assert_int_equal(feed_all(ring, n), FR_OK);
    ring[n - 2] = 0; /* drop the 0x01: the delimiter moves up one */
    assert_int_equal(feed_all(ring, (uint8_t)(n - 1)), FR_CRC);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(crc_matches_the_catalogue_check_value),
        cmocka_unit_test(every_payload_length_survives_the_round_trip),
        cmocka_unit_test(a_body_over_64_bytes_is_too_long_and_the_next_frame_still_reads),
        cmocka_unit_test(garbage_resynchronises_at_the_next_zero),
        cmocka_unit_test(one_flipped_bit_anywhere_is_never_accepted),
        cmocka_unit_test(version_1_took_a_body_with_a_zero_byte_appended),
        cmocka_unit_test(a_01_inserted_before_the_delimiter_is_a_crc_error),
        cmocka_unit_test(the_last_code_byte_dropped_is_a_crc_error),
    };
    return cmocka_run_group_tests_name("crc and cobs", tests, NULL, NULL);
}
