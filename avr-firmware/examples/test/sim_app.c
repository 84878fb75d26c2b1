/* The example apps (avr-firmware/examples/) on the real ELF in simavr: user tasks built with
 * APP=, their pins driven as wires, their MSG frames read through the firmware's frame reader.
 *
 *   sim_app <elf> reaction|race|loop|burst|idle [bench]
 *
 * reaction: the LED (PB5) lights after 1-3 s; a press ~250 ms later must come back as a MSG on
 *   topic 1 with the time from the LED to the press (+- 12 us: the edge tick is the interrupt's own); an unanswered
 *   round must come back as 0xFFFFFFFF 2 s after the LED lit (+- 2 ms), with the LED off.
 * race: three buttons (D2, D3, D4) raced against a 500 ms deadline: the winner's index and the
 *   count of edge waits left armed (0: the losers' waits were cancelled) come back on topic 2;
 *   then the deadline alone wins (index 3).
 * loop: a pulse stretcher closed on the board (D2 rising -> D13 high for width ms after the last
 *   rise); the host sets the width by MSG (topic 3); checks the pulse length before (10 ms) and
 *   after (30 ms) at 10 Timer0 phases each, a retrigger, and the edge-to-output latency in cycles
 *   (printed as METRIC onboard_reaction_us with `bench`); and its heartbeat task (D12 every 100 ms,
 *   WW_EVERY) shows no drift over the run.
 * burst: loss accounting both ways (examples/burst): a burst of 10 on a 4-deep queue -> 4 frames whose
 *   lost counts add up to the 6 refused; the fifth message to a topic nobody takes is NAKed busy.
 * idle: METRIC idle_sleep_share_pct: the share of 1 s the CPU sleeps (bench-mcu-runtime's apps).
 * Every frame in sequence, no bad frame, every MSG's lost count 0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "protocol.h"
#include "sim_harness.h"

#define MS 16000LL
static int led = -1, led_changes;
static long long beats[64];
static int n_beats;
static long long led_on_at, led_off_at;
static int n_msgs, last_seq = -1, seq_gaps, lost_total;
static struct { int topic; uint8_t data[16]; int n; long long at; } msgs[64];
static int acks, naks, last_nak_code;

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

static void on_beat(struct avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq, (void)value, (void)param;
    if (n_beats < 64)
        beats[n_beats++] = (long long)sim_avr->cycle;
}

static void on_frame(const uint8_t *body, int len)
{
    if (last_seq >= 0 && body[1] != ((last_seq + 1) & 0xFF))
        seq_gaps++;
    last_seq = body[1];
    if (body[0] == ANS_ACK)
        acks++;
    if (body[0] == ANS_NAK) {
        naks++;
        last_nak_code = len > 3 ? body[3] : -1;
    }
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

static int req;
static void send_msg(int topic, const uint8_t *data, int n)
{
    uint8_t a[16] = {(uint8_t)++req, (uint8_t)topic};
    memcpy(a + 2, data, (size_t)n);
    sim_send(CMD_MSG, a, n + 2);
}

static void press(char port, int bit, long long hold)
{
    sim_drive_pin(port, bit, 0);
    run_until((long long)sim_avr->cycle + hold);
    sim_drive_pin(port, bit, 1);
}

static void race(void)
{
    for (int i = 2; i <= 4; i++)
        sim_drive_pin('D', i, 1);
    run_until(5 * MS);
    /* {round's presses: pin, then a loser}, the winner expected */
    static const struct { int first, second, won; } rounds[] = {{3, 2, 1}, {4, 2, 2}, {-1, -1, 3}, {2, 4, 0}};
    for (int r = 0; r < 4; r++) {
        int before = n_msgs;
        long long sent = (long long)sim_avr->cycle;
        send_msg(2, NULL, 0);
        run_until(sent + 100 * MS);
        if (rounds[r].first >= 0) {
            press('D', rounds[r].first, 5 * MS);
            press('D', rounds[r].second, 5 * MS);
        }
        SIM_CHECK(await_msgs(before + 1, 700 * MS), "round %d: no MSG", r);
        if (n_msgs <= before)
            continue;
        const uint8_t *d = msgs[before].data;
        long long after = msgs[before].at - sent;
        printf("sim_app race: round %d: winner %d, %d edge waits left armed, tick %u, %.3f ms after the go\n", r, d[0],
               d[1], (unsigned)u32(d + 2), (double)after / MS);
        SIM_CHECK(msgs[before].topic == 2 && msgs[before].n == 6, "round %d: topic %d, %d bytes", r,
                  msgs[before].topic, msgs[before].n);
        SIM_CHECK(d[0] == rounds[r].won, "round %d: winner %d, want %d", r, d[0], rounds[r].won);
        SIM_CHECK(d[1] == 0, "round %d: %d losers' waits still armed", r, d[1]);
        if (rounds[r].won == 3)
            SIM_CHECK(after >= 500 * MS && after <= 503 * MS, "the deadline won after %.3f ms", (double)after / MS);
        else
            SIM_CHECK(u32(d + 2) != 0, "round %d: no tick", r);
        run_until((long long)sim_avr->cycle + 20 * MS);
    }
    SIM_CHECK(acks == 4 && naks == 0, "%d ACKs, %d NAKs for 4 MSGs", acks, naks);
}

/* D2 up for 1 ms, then down; returns the cycles from the rise to D13 high (-1: never). */
static long long pulse_in(void)
{
    int changes = led_changes;
    long long at = (long long)sim_avr->cycle;
    sim_drive_pin('D', 2, 1);
    long long seen = -1;
    while ((long long)sim_avr->cycle < at + MS) {
        if (sim_step())
            exit(1);
        if (seen < 0 && led == 1 && led_changes > changes)
            seen = (long long)sim_avr->cycle - at;
    }
    sim_drive_pin('D', 2, 0);
    return seen;
}

static void control_loop(int bench)
{
    sim_drive_pin('D', 2, 0);
    run_until(20 * MS);
    long long worst = 0, sum = 0;
    int n = 0;
    for (int w = 0; w < 2; w++) {
        int width = w ? 30 : 10;
        if (w) {
            int a = acks;
            send_msg(3, (const uint8_t[]){30, 0}, 2);
            run_until((long long)sim_avr->cycle + 5 * MS);
            SIM_CHECK(acks == a + 1, "the width's MSG not ACKed");
        }
        for (int i = 0; i < 10; i++) {
            run_until((long long)sim_avr->cycle + 37 * MS + i * 1000); /* other Timer0 phases */
            long long rise = (long long)sim_avr->cycle, lat = pulse_in();
            SIM_CHECK(lat >= 0, "width %d, pulse %d: D13 never rose", width, i);
            if (lat < 0)
                continue;
            worst = lat > worst ? lat : worst;
            sum += lat;
            n++;
            SIM_CHECK(await_led(0, 100 * MS), "D13 never fell");
            double high = (double)(led_off_at - rise) / MS;
            SIM_CHECK(high >= width && high <= width + 1.1, "width %d: D13 high %.3f ms", width, high);
            if (i == 0)
                printf("sim_app loop: width %d ms: D13 high %.3f ms after the rise, %lld cycles edge -> D13\n", width,
                       high, lat);
        }
    }
    /* a retrigger within the width keeps it high: rises at 0 and 20 ms with width 30 -> 50 ms */
    run_until((long long)sim_avr->cycle + 40 * MS);
    long long rise = (long long)sim_avr->cycle;
    pulse_in();
    run_until(rise + 20 * MS);
    long long rise2 = (long long)sim_avr->cycle; /* the run stops a little after 20 ms */
    int changes = led_changes;
    pulse_in();
    SIM_CHECK(led_changes == changes, "the retrigger changed D13");
    SIM_CHECK(await_led(0, 100 * MS), "D13 never fell");
    double high = (double)(led_off_at - rise) / MS, after2 = (double)(led_off_at - rise2) / MS;
    SIM_CHECK(after2 >= 30 && after2 <= 31.1, "retriggered: D13 high %.3f ms, %.3f after the second rise (want 30)",
              high, after2);
    printf("sim_app loop: retriggered at 20 ms: D13 high %.3f ms; edge -> D13 %.2f us average, %.2f us worst (%d)\n",
           high, n ? (double)sum / n / 16 : 0, (double)worst / 16, n);
    /* the heartbeat (D12, WW_EVERY_MS(100)) over the whole run: the k-th toggle k x 100 ms after the
     * first, within the 1.024 ms wake resolution, however busy the other tasks were: no drift */
    int drift_bad = 0;
    double worst_off = 0;
    for (int k = 1; k < n_beats; k++) {
        double off = (double)(beats[k] - beats[0]) / MS - 100.0 * k;
        worst_off = off > worst_off ? off : -off > worst_off ? -off : worst_off;
        drift_bad += off < -1.1 || off > 1.1;
    }
    printf("sim_app loop: heartbeat: %d toggles, the k-th within %.3f ms of k x 100 ms after the first\n", n_beats,
           worst_off);
    SIM_CHECK(n_beats >= 8 && drift_bad == 0, "heartbeat: %d toggles, %d off by more than 1.1 ms", n_beats, drift_bad);
    if (bench) {
        printf("METRIC onboard_reaction_us %.2f us\n", n ? (double)sum / n / 16 : 0);
        printf("METRIC onboard_reaction_us_max %.2f us\n", (double)worst / 16);
    }
}

/* burst: a burst of 10 messages on a board that holds 4: 4 frames, the refused 6 in their lost
 * counts, the board's own count of what it queued (topic 11) agreeing; then 5 messages to a topic
 * no task takes: 4 ACKed, the fifth NAKed busy. Nothing vanishes without a count. */
static void burst(void)
{
    run_until(5 * MS);
    send_msg(9, (const uint8_t[]){10}, 1);
    SIM_CHECK(await_msgs(5, 100 * MS), "the burst: %d MSG frames", n_msgs);
    int on9 = 0, queued = -1;
    for (int i = 0; i < n_msgs; i++) {
        if (msgs[i].topic == 9)
            on9++;
        if (msgs[i].topic == 11)
            queued = msgs[i].data[0];
    }
    printf("sim_app burst: 10 sent in one go: %d MSG frames, %d counted lost, the board queued %d\n", on9,
           lost_total, queued);
    SIM_CHECK(on9 == 4 && lost_total == 6 && queued == 4, "%d frames + %d lost (want 4 + 6), queued %d", on9,
              lost_total, queued);
    SIM_CHECK(on9 + lost_total == 10, "a message vanished: %d + %d of 10", on9, lost_total);
    int a = acks;
    for (int i = 0; i < 5; i++)
        send_msg(10, (const uint8_t[]){(uint8_t)i}, 1);
    run_until((long long)sim_avr->cycle + 20 * MS);
    printf("sim_app burst: 5 messages nobody takes: %d ACKed, %d NAKed\n", acks - a, naks);
    SIM_CHECK(acks - a == 4 && naks == 1 && last_nak_code == NAK_BUSY, "%d ACKs, %d NAKs, code %d (want 4, 1 busy)",
              acks - a, naks, last_nak_code);
    lost_total = 0; /* counted and checked above */
}

/* The share of 1 s of simulated time (after 50 ms of start-up) the CPU spends asleep. */
static void idle(void)
{
    for (int i = 2; i <= 4; i++)
        sim_drive_pin('D', i, 1);
    run_until(50 * MS);
    long long start = (long long)sim_avr->cycle, asleep = 0;
    while ((long long)sim_avr->cycle < start + 1000 * MS) {
        long long before = (long long)sim_avr->cycle;
        int sleeping = sim_avr->state == cpu_Sleeping;
        if (sim_step())
            exit(1);
        /* simavr runs the sleep inside the step that executes SLEEP (running -> sleeping), or in
         * the step that starts asleep: either counts (the SLEEP instruction's own cycle with it) */
        if (sleeping || sim_avr->state == cpu_Sleeping)
            asleep += (long long)sim_avr->cycle - before;
    }
    double share = 100.0 * (double)asleep / (double)((long long)sim_avr->cycle - start);
    printf("METRIC idle_sleep_share_pct %.2f %%\n", share);
    SIM_CHECK(share > 50, "asleep only %.2f%% of the time", share);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s <elf> reaction|race|loop|burst|idle [bench]\n", argv[0]);
        return 2;
    }
    sim_init("sim_app");
    if (!sim_load(argv[1], "atmega328p", 0))
        return 2;
    sim_uart(on_frame, NULL);
    avr_irq_register_notify(sim_pin('B', 5), on_led, NULL);
    avr_irq_register_notify(sim_pin('B', 4), on_beat, NULL);
    if (!strcmp(argv[2], "reaction"))
        reaction();
    else if (!strcmp(argv[2], "race"))
        race();
    else if (!strcmp(argv[2], "burst"))
        burst();
    else if (!strcmp(argv[2], "idle"))
        idle();
    else if (!strcmp(argv[2], "loop"))
        control_loop(argc > 3 && !strcmp(argv[3], "bench"));
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
