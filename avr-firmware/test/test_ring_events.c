/* The event ring and the EVENTS encoder: batching, frame limits, loss markers in order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "events.h"
#include "frame_reader.h"
#include "protocol.h"

static struct ev_ring ring;
static uint8_t ids[2] = {SRC_INT0, SRC_PCINT0};
static uint16_t count[2], reported[2];
static struct drops drops = {2, ids, count, reported};
static uint8_t tx[128];
static struct frame_reader rd;
static uint32_t clock_now; /* the board's tick counter: the latest edge's time */

static int setup(void **state)
{
    (void)state;
    memset(&ring, 0, sizeof ring);
    memset(count, 0, sizeof count);
    memset(reported, 0, sizeof reported);
    clock_now = 0;
    frame_reader_init(&rd);
    return 0;
}

/* What an edge ISR does. */
static void isr_edge(uint8_t src, uint32_t ts, uint8_t pinlevel)
{
    clock_now = ts;
    if (!ev_ring_push(&ring, ts, pinlevel))
        count[src]++;
}

/* Runs the encoder once and decodes the frame it wrote; returns the payload length. */
static uint8_t send_one(uint8_t seq, const uint8_t **payload)
{
    uint32_t base = ev_ring_count(&ring) ? ev_rec_ts(ev_ring_peek(&ring), clock_now) : clock_now;
    struct tx_ring_ref t = {tx, 127, 100, seq};
    uint8_t end = events_fill(&t, &ring, &drops, ev_ring_count(&ring), base);
    enum fr_result res = FR_MORE;
    for (uint8_t i = 100; i != end; i++)
        res = frame_reader_feed(&rd, tx[i & 127]);
    assert_int_equal(res, FR_OK);
    assert_int_equal(rd.body[0], ANS_EVENTS);
    assert_int_equal(rd.body[1], seq);
    *payload = rd.body + 2;
    return (uint8_t)(rd.frame_len - 2);
}

static void a_full_ring_counts_drops_and_remembers_where(void **state)
{
    (void)state;
    for (uint32_t i = 0; i < EV_RING_SIZE; i++)
        isr_edge(0, i, 2);
    assert_false(ring.lost_pending);
    isr_edge(0, 100, 2);
    isr_edge(1, 101, 8);
    isr_edge(1, 102, 8);
    assert_int_equal(ev_ring_count(&ring), EV_RING_SIZE);
    assert_int_equal(count[0], 1);
    assert_int_equal(count[1], 2);
    assert_true(ring.lost_pending);
    assert_int_equal(ring.lost_at, EV_RING_SIZE);
    assert_false(ev_ring_loss_here(&ring)); /* not before the 32 edges that came first */
}

/* The edge ISR wakes the events task on the count a push leaves (1: send now; EV_MIN_BATCH). */
static void a_push_returns_the_count_it_leaves_and_0_when_full(void **state)
{
    (void)state;
    for (uint8_t i = 1; i <= EV_RING_SIZE; i++)
        assert_int_equal(ev_ring_push(&ring, i, 2), i);
    assert_int_equal(ev_ring_push(&ring, 99, 2), 0);
    ev_ring_pop(&ring);
    ev_ring_pop(&ring);
    assert_int_equal(ev_ring_push(&ring, 100, 2), 0); /* room, but the loss is not reported yet */
    ring.lost_pending = 0;                             /* as the LOST marker's writer does */
    assert_int_equal(ev_ring_push(&ring, 101, 2), EV_RING_SIZE - 1);
}

static void edges_batch_until_the_frame_is_full_then_continue_in_the_next(void **state)
{
    (void)state;
    const uint8_t *p;
    for (uint32_t i = 0; i < 30; i++)
        isr_edge(0, 1000 + 10 * i, (uint8_t)((i & 1) << 7 | 2));
    uint8_t n = send_one(0, &p);
    assert_int_equal(n, 60);                /* 4 bytes base_ts + 28 edges of 2 bytes */
    assert_int_equal(p[0] | p[1] << 8, 1000);
    assert_int_equal(p[4], 0x02);           /* pin 2, low, delta 0 */
    assert_int_equal(p[5], 0);
    assert_int_equal(p[6], 0x82);           /* pin 2, high, delta 10 */
    assert_int_equal(p[7], 10);
    assert_int_equal(ev_ring_count(&ring), 2);
    n = send_one(1, &p);
    assert_int_equal(n, 8);
    assert_int_equal(ev_ring_count(&ring), 0);
    assert_false(events_pending(&ring));
}

static void deltas_cross_the_32_bit_wrap_and_grow_to_leb128(void **state)
{
    (void)state;
    const uint8_t *p;
    isr_edge(0, 0xFFFFFFF0u, 2);
    isr_edge(0, 0x00000010u, 0x82); /* 0x20 ticks later, across the wrap */
    isr_edge(0, 0x00004010u, 2);    /* 16384 ticks: three LEB128 bytes */
    uint8_t n = send_one(0, &p);
    static const uint8_t want[] = {0xF0, 0xFF, 0xFF, 0xFF, 0x02, 0x00, 0x82, 0x20, 0x02, 0x80, 0x80, 0x01};
    assert_int_equal(n, sizeof want);
    assert_memory_equal(p, want, sizeof want);
}

static void the_lost_marker_sits_where_the_loss_happened(void **state)
{
    (void)state;
    const uint8_t *p;
    for (uint32_t i = 0; i < EV_RING_SIZE; i++)
        isr_edge(0, i, 2);
    isr_edge(1, 99, 8);             /* dropped: PCINT0 lost 1 */
    assert_int_equal(send_one(0, &p), 60); /* 28 edges, the marker is not reached yet */
    isr_edge(0, 200, 0x82);         /* room again, but the loss is not reported yet: dropped too */
    assert_int_equal(count[0], 1);
    uint8_t n = send_one(1, &p);
    /* 4 edges (8 bytes), then the markers (3 bytes each), nothing after them */
    assert_int_equal(n, 4 + 8 + 3 + 3);
    static const uint8_t tail[] = {0x7F, SRC_INT0, 1, 0x7F, SRC_PCINT0, 1};
    assert_memory_equal(p + 12, tail, sizeof tail);
    assert_false(ring.lost_pending);
    assert_int_equal(reported[0], 1);
    assert_int_equal(reported[1], 1);
    /* taken after the marker; nothing new lost: no marker again */
    isr_edge(0, 300, 2);
    n = send_one(2, &p);
    assert_int_equal(n, 6);
}

static void a_loss_with_an_empty_ring_sends_a_marker_alone(void **state)
{
    (void)state;
    const uint8_t *p;
    for (uint32_t i = 0; i < EV_RING_SIZE; i++)
        isr_edge(0, i, 2);
    isr_edge(0, 50, 2);
    isr_edge(0, 51, 2);
    while (ev_ring_count(&ring))
        ev_ring_pop(&ring);          /* as if those had been sent */
    assert_true(events_pending(&ring));
    uint8_t n = send_one(0, &p);
    static const uint8_t want[] = {0x7F, SRC_INT0, 2};
    assert_int_equal(n, 4 + 3);
    assert_memory_equal(p + 4, want, 3);
    assert_false(events_pending(&ring));
}

/* events_first_byte() says the frame's first wire byte before events_fill() writes it (an idle
 * board sends it at once): it must match, wherever the first zero falls (seq, any byte of the
 * tick, the pinlevel, or none of them: then the first record's delta ends the block). */
static void the_predicted_first_byte_is_the_one_the_encoder_writes(void **state)
{
    static const uint32_t ticks[] = {0, 1, 0x100, 0x10000, 0x1000000, 0x01010101, 0xFFFFFFFF, 0x00FF00FF, 0x80000001};
    static const uint8_t seqs[] = {0, 1, 0x11, 0xFF};
    static const uint8_t pinlevels[] = {0, 2, 0x82};
    unsigned checked = 0;
    for (unsigned a = 0; a < sizeof ticks / sizeof ticks[0]; a++)
        for (unsigned b = 0; b < sizeof seqs; b++)
            for (unsigned c = 0; c < sizeof pinlevels; c++) {
                setup(state);
                isr_edge(0, ticks[a], pinlevels[c]);
                isr_edge(0, ticks[a] + 300, 2); /* a second record, as under load */
                uint32_t base = ev_rec_ts(ev_ring_peek(&ring), clock_now);
                uint8_t first = events_first_byte(&ring, seqs[b], base);
                memset(tx, 0xAA, sizeof tx);
                const uint8_t *p;
                send_one(seqs[b], &p);
                assert_int_equal(first, tx[100]);
                checked++;
            }
    assert_int_equal(checked, 9 * 4 * 3);
    /* a loss pending: the frame may open with LOST markers, so no prediction (0) */
    setup(state);
    for (uint32_t i = 0; i <= EV_RING_SIZE; i++)
        isr_edge(0, i, 2);
    assert_int_equal(events_first_byte(&ring, 0, ev_rec_ts(ev_ring_peek(&ring), clock_now)), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(a_full_ring_counts_drops_and_remembers_where, setup),
        cmocka_unit_test_setup(a_push_returns_the_count_it_leaves_and_0_when_full, setup),
        cmocka_unit_test_setup(edges_batch_until_the_frame_is_full_then_continue_in_the_next, setup),
        cmocka_unit_test_setup(deltas_cross_the_32_bit_wrap_and_grow_to_leb128, setup),
        cmocka_unit_test_setup(the_lost_marker_sits_where_the_loss_happened, setup),
        cmocka_unit_test_setup(a_loss_with_an_empty_ring_sends_a_marker_alone, setup),
        cmocka_unit_test_setup(the_predicted_first_byte_is_the_one_the_encoder_writes, setup),
    };
    return cmocka_run_group_tests_name("event ring and EVENTS encoder", tests, NULL, NULL);
}
