/* cmocka tests of the app runtime's pure part (app/ww_core.c): time across the 32-bit wrap,
 * periodic ticks without drift, the edge table (what ww_edge_isr.S does, in C), select and its
 * cancelling, signals, channels, message queues. The clock, the tick and the wake are stubs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "ww.h"

static ww_ticks fake_now;
static int ticks_wanted, wakes;
ww_ticks ww_now(void) { return fake_now; }
void ww_need_tick(void) { ticks_wanted++; }
void ww_wake(void) { wakes++; }

static void reset(void)
{
    memset((void *)ww_edge_tab, 0, sizeof ww_edge_tab);
    memset(&ww_in, 0, sizeof ww_in);
    memset(&ww_out, 0, sizeof ww_out);
    ticks_wanted = wakes = 0;
}

static void deadlines_hold_across_the_wrap(void **state)
{
    (void)state;
    assert_int_equal(WW_MS(60000), 15000000u); /* 60 s in 4-us ticks */
    for (ww_ticks start = 0xFFFFFF00u; start != 0x100u; start += 0x40u) {
        ww_ticks at = start + WW_MS(60000);
        fake_now = start + WW_MS(60000) - 1;
        ticks_wanted = 0;
        assert_false(ww_reached(at));
        assert_int_equal(ticks_wanted, 1); /* not yet: the tick stays on */
        fake_now = at;
        assert_true(ww_reached(at));
        fake_now = at + 5;
        assert_true(ww_reached(at));
    }
    assert_true(ww_after(0x10u, 0xFFFFFFF0u));  /* now just past the wrap, deadline before it */
    assert_false(ww_after(0xFFFFFFF0u, 0x10u)); /* deadline just past the wrap */
    /* the longest wait: 2^31 - 1 ticks ahead is still in the future */
    assert_false(ww_after(0xFFFF0000u, (ww_ticks)(0xFFFF0000u + WW_MAX_WAIT)));
}

/* A task that counts WW_EVERY ticks, run by hand against the fake clock. */
struct periodic {
    WW_TASK_STATE;
    uint32_t n;
    ww_ticks fired_at[64];
};
WW_TASK(periodic)
{
    WW_BEGIN();
    WW_EVERY_START();
    for (;;) {
        WW_EVERY(WW_MS(10));
        if (self->n < 64)
            self->fired_at[self->n] = self->task.at;
        self->n++;
    }
    WW_END();
}

static void periodic_ticks_do_not_drift(void **state)
{
    (void)state;
    memset(&periodic_state, 0, sizeof periodic_state);
    fake_now = 0xFFFF0000u; /* the run crosses the wrap */
    ww_ticks start = fake_now;
    periodic_run(&periodic_state);
    /* the task runs late by a varying amount each time (up to 1.2 periods) */
    uint32_t seed = 7;
    while (fake_now - start < WW_MS(600)) {
        seed = seed * 1103515245u + 12345u;
        fake_now += 1 + (seed >> 16) % 3000;
        periodic_run(&periodic_state);
    }
    /* every period came, each deadline exactly start + k * period: no drift */
    assert_int_equal(periodic_state.n, (fake_now - start) / WW_MS(10));
    for (uint32_t k = 0; k < periodic_state.n && k < 64; k++)
        assert_int_equal(periodic_state.fired_at[k], (ww_ticks)(start + (k + 1) * WW_MS(10)));
}

static void an_edge_completes_the_waits_that_match(void **state)
{
    (void)state;
    reset();
    struct ww_edge fall = {WW_K_EDGE, 5, 0xFF, 0, 0}, rise = {WW_K_EDGE, 5 | 0x80, 0xFF, 0, 0},
                   any = {WW_K_EDGE, 7, 0x7F, 0, 0};
    assert_true(ww_edge_table_add(&fall));
    assert_true(ww_edge_table_add(&rise));
    assert_true(ww_edge_table_add(&any));
    struct ww_edge extra = {WW_K_EDGE, 9, 0xFF, 0, 0};
    assert_false(ww_edge_table_add(&extra)); /* WW_EDGE_SLOTS = 3 */
    assert_true(ww_edge_table_add(&any));    /* armed again: still one entry */
    assert_int_equal(ww_edges_armed(), 3);
    ww_edge_seen(6 | 0x80, 100); /* another pin */
    ww_edge_seen(5 | 0x80, 111); /* pin 5 rose */
    assert_true(ww_edge_fired(&rise));
    assert_int_equal(rise.ts, 111);
    assert_int_equal(rise.got, 5 | 0x80);
    assert_false(ww_edge_fired(&fall));
    ww_edge_seen(7 | 0x80, 0xFFFFFFFEu); /* either direction */
    assert_true(ww_edge_fired(&any));
    assert_int_equal(any.ts, 0xFFFFFFFEu);
    assert_int_equal(ww_edges_armed(), 1);
    ww_edge_seen(5, 222);
    assert_true(ww_edge_fired(&fall));
    assert_int_equal(fall.ts, 222);
    assert_int_equal(ww_edges_armed(), 0);
}

static void select_takes_the_first_ready_and_cancels_the_rest(void **state)
{
    (void)state;
    reset();
    fake_now = 0xFFFFFFF0u;
    struct ww_edge a = {WW_K_EDGE, 2, 0xFF, 0, 0}, b = {WW_K_EDGE, 3, 0xFF, 0, 0};
    struct ww_timer t;
    struct ww_signal s;
    memset(&s, 0, sizeof s);
    ww_edge_table_add(&a);
    ww_edge_table_add(&b);
    ww_timer_in(&t, 0x20); /* due after the wrap */
    void *srcs[] = {&a, &b, &t, &s};
    assert_int_equal(ww_select(srcs, 4), WW_NONE);
    assert_true(ticks_wanted > 0); /* the timer keeps the tick on */
    assert_int_equal(ww_edges_armed(), 2);
    ww_edge_seen(3, 1234); /* b */
    fake_now = 0x40;       /* and the timer is due too: the earlier source in the list wins */
    assert_int_equal(ww_select(srcs, 4), 1);
    assert_int_equal(b.ts, 1234);
    assert_int_equal(ww_edges_armed(), 0); /* a's wait cancelled */
    assert_int_equal(a.mask, WW_EDGE_IDLE);
    assert_false(t.armed); /* the timer stopped */
    ww_edge_seen(2, 99);   /* a cancelled wait takes no edge */
    assert_false(ww_edge_fired(&a));
    /* a signal wins, the value is the latest; a timer alone */
    ww_edge_table_add(&a); /* both armed again (a fired edge stays fired until then) */
    a.mask = 0xFF;
    ww_edge_table_add(&b);
    b.mask = 0xFF;
    ww_timer_in(&t, 1000);
    ww_signal_raise(&s, 5);
    ww_signal_raise(&s, 6);
    assert_int_equal(ww_select(srcs, 4), 3);
    assert_int_equal(s.value, 6);
    assert_false(s.set);
    assert_int_equal(ww_edges_armed(), 0);
    ww_timer_in(&t, 10);
    fake_now += 10;
    void *one[] = {&t};
    assert_int_equal(ww_select(one, 1), 0);
    assert_int_equal(ww_select(one, 1), WW_NONE); /* fired once */
}

static void a_full_channel_refuses_and_counts(void **state)
{
    (void)state;
    WW_CHAN(ch, uint16_t, 4);
    WW_CHAN_INIT(ch, uint16_t, 4);
    uint16_t v;
    for (unsigned round = 0; round < 100; round++) { /* the free-running indices wrap */
        for (uint16_t i = 0; i < 4; i++)
            assert_true(ww_chan_send(&ch, &(uint16_t){(uint16_t)(round * 4 + i)}));
        assert_false(ww_chan_send_isr(&ch, &(uint16_t){0xBEEF}));
        assert_int_equal(ww_chan_count(&ch), 4);
        for (uint16_t i = 0; i < 4; i++) {
            assert_true(ww_chan_recv(&ch, &v));
            assert_int_equal(v, round * 4 + i);
        }
        assert_false(ww_chan_recv(&ch, &v));
    }
    assert_int_equal(ch.lost, 100);
    void *srcs[] = {&ch};
    assert_int_equal(ww_select(srcs, 1), WW_NONE);
    ww_chan_send(&ch, &(uint16_t){7});
    assert_int_equal(ww_select(srcs, 1), 0);
    assert_true(ww_chan_recv(&ch, &v)); /* select leaves the item */
    assert_int_equal(v, 7);
}

static void messages_queue_per_topic_and_count_refusals(void **state)
{
    (void)state;
    reset();
    struct ww_msg m;
    assert_true(ww_msgq_put(&ww_in, 1, (const uint8_t *)"a", 1));
    assert_true(ww_msgq_put(&ww_in, 2, (const uint8_t *)"bb", 2));
    assert_true(ww_msgq_put(&ww_in, 1, (const uint8_t *)"ccc", 3));
    assert_false(ww_msgq_put(&ww_in, 3, (const uint8_t *)"d", 1)); /* WW_MSG_DEPTH = 3 */
    assert_int_equal(ww_in.lost, 1);
    assert_false(ww_msgq_put(&ww_out, 3, (const uint8_t *)"12345", 5)); /* > WW_MSG_MAX */
    assert_int_equal(ww_out.lost, 1);
    assert_false(msg_recv(3, &m));
    assert_true(msg_recv(1, &m));
    assert_int_equal(m.len, 1);
    assert_memory_equal(m.data, "a", 1);
    assert_true(msg_recv(1, &m));
    assert_memory_equal(m.data, "ccc", 3);
    assert_false(msg_recv(1, &m));
    ww_msg_wait(&m, 2);
    void *srcs[] = {&m};
    assert_int_equal(ww_select(srcs, 1), 0);
    assert_int_equal(m.len, 2);
    assert_memory_equal(m.data, "bb", 2);
    assert_int_equal(ww_in.n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(deadlines_hold_across_the_wrap),
        cmocka_unit_test(periodic_ticks_do_not_drift),
        cmocka_unit_test(an_edge_completes_the_waits_that_match),
        cmocka_unit_test(select_takes_the_first_ready_and_cancels_the_rest),
        cmocka_unit_test(a_full_channel_refuses_and_counts),
        cmocka_unit_test(messages_queue_per_topic_and_count_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
