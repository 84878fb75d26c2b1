/* The example apps (avr-firmware/examples/) on the real ELF in simavr: user tasks built with
 * APP=, their pins driven as wires, their MSG frames read through the firmware's frame reader.
 *
 *   sim_app <elf> reaction|race|loop [bench]
 *
 * reaction: the LED (PB5) lights after 1-3 s; a press ~250 ms later must come back as a MSG on
 *   topic 1 with the time from the LED to the press (+- 12 us: the edge tick is the interrupt's own); an unanswered
 *   round must come back as 0xFFFFFFFF 2 s after the LED lit (+- 2 ms), with the LED off.
 * race: three buttons (D2, D3, D4) raced against a 500 ms deadline: the winner's index and the
 *   count of edge waits left armed (0: the losers' waits were cancelled) come back on topic 2;
 *   then the deadline alone wins (index 3).
 * loop: a pulse stretcher closed on the board (D2 rising -> D13 high for width ms); the host sets
 *   the width by MSG (topic 3); checks the output pulse length both before and after, and the
 *   edge-to-output latency in cycles (printed as METRIC onboard_reaction_us with `bench`).
 * Every frame in sequence, no bad frame, every MSG's lost count 0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "protocol.h"
#include "sim_harness.h"

#define MS 16000LL
static int led = -1, led_changes;
static long long led_on_at, led_off_at;
static int n_msgs, last_seq = -1, seq_gaps, lost_total;
static struct { int topic; uint8_t data[16]; int n; long long at; } msgs[64];
static int acks, naks;

static void on_led(struct avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq, (void)param;
    if ((int)value == led)
        return;
    if (led >= 0)
        led_changes++;
    led = (int)value;
    if (value)
        led_on_at = (long long)sim_avr->cycle;
    else
        led_off_at = (long long)sim_avr->cycle;
}

static void on_frame(const uint8_t *body, int len)
{
    if (last_seq >= 0 && body[1] != ((last_seq + 1) & 0xFF))
        seq_gaps++;
    last_seq = body[1];
    if (body[0] == ANS_ACK)
        acks++;
    if (body[0] == ANS_NAK)
        naks++;
    if (body[0] != ANS_MSG || len < 4 || n_msgs >= 64)
        return;
    msgs[n_msgs].topic = body[2];
    lost_total += body[3];
    msgs[n_msgs].n = len - 4;
    memcpy(msgs[n_msgs].data, body + 4, (size_t)(len - 4));
    msgs[n_msgs].at = (long long)sim_avr->cycle;
    n_msgs++;
}

static void run_until(long long c)
{
    if (sim_run_until(c))
        exit(1);
}

/* Runs until n_msgs reaches `want` or `limit` cycles pass; 1 if it did. */
static int await_msgs(int want, long long limit)
{
    long long end = (long long)sim_avr->cycle + limit;
    while (n_msgs < want && (long long)sim_avr->cycle < end)
        run_until((long long)sim_avr->cycle + MS / 4);
    return n_msgs >= want;
}

static int await_led(int level, long long limit)
{
    long long end = (long long)sim_avr->cycle + limit;
    while (led != level && (long long)sim_avr->cycle < end)
        run_until((long long)sim_avr->cycle + 160);
    return led == level;
}

static uint32_t u32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

static void reaction(void)
{
    sim_drive_pin('D', 2, 1); /* released (pull-up) */
    run_until(5 * MS);
    for (int round = 0; round < 2; round++) {
        SIM_CHECK(await_led(1, 4000 * MS), "round %d: the LED never lit", round);
        long long lit = led_on_at;
        int before = n_msgs;
        long long pressed = 0;
        if (round == 0) {
            run_until(lit + 250 * MS);
            sim_drive_pin('D', 2, 0); /* pressed (the run stops a little after 250 ms: that cycle counts) */
            pressed = (long long)sim_avr->cycle;
            run_until(lit + 300 * MS);
            sim_drive_pin('D', 2, 1);
        }
        SIM_CHECK(await_msgs(before + 1, 2500 * MS), "round %d: no MSG", round);
        if (n_msgs <= before)
            continue;
        uint32_t us = u32(msgs[before].data);
        long long after = msgs[before].at - lit;
        printf("sim_app reaction: round %d: MSG topic %d, %u us (%.3f ms after the LED lit)\n", round,
               msgs[before].topic, (unsigned)us, (double)after / MS);
        SIM_CHECK(msgs[before].topic == 1 && msgs[before].n == 4, "topic %d, %d bytes", msgs[before].topic,
                  msgs[before].n);
        if (round == 0) {
            long long want = (pressed - lit) / 16;
            SIM_CHECK(us >= want - 12 && us <= want + 12, "reaction %u us, pressed at %lld us", (unsigned)us, want);
        }
        else
            SIM_CHECK(us == 0xFFFFFFFFu && after >= 2000 * MS && after <= 2003 * MS,
                      "timeout: %u after %.3f ms", (unsigned)us, (double)after / MS);
        run_until((long long)sim_avr->cycle + MS);
        SIM_CHECK(led == 0, "round %d: the LED still on after the result", round);
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s <elf> reaction|race|loop [bench]\n", argv[0]);
        return 2;
    }
    sim_init("sim_app");
    if (!sim_load(argv[1], "atmega328p", 0))
        return 2;
    sim_uart(on_frame, NULL);
    avr_irq_register_notify(sim_pin('B', 5), on_led, NULL);
    if (!strcmp(argv[2], "reaction"))
        reaction();
    else {
        fprintf(stderr, "sim_app: no scenario '%s' (reaction, race, loop)\n", argv[2]);
        return 2;
    }
    SIM_CHECK(sim_bad == 0, "%ld bad frames", sim_bad);
    SIM_CHECK(seq_gaps == 0, "%d seq gaps", seq_gaps);
    SIM_CHECK(lost_total == 0, "%d messages lost", lost_total);
    printf("sim_app %s: %d MSG frames -> %s\n", argv[2], n_msgs, sim_failures ? "FAIL" : "PASS");
    return sim_failures ? 1 : 0;
}
