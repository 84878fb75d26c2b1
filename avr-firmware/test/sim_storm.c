/* Storms, bursts, isolated edges and resets, checked on the real firmware ELF in simavr.
 *
 *   sim_storm <elf> <mcu> <baud> <port> <bit> <pin> storm <edges_per_s> <ms> <bursts>
 *   sim_storm <elf> <mcu> <baud> <port> <bit> <pin> isolated <edges>
 *   sim_storm <elf> <mcu> <baud> <port> <bit> <pin> resets <resets>
 *
 * storm: <bursts> bursts of <ms> ms at <edges_per_s> (a square wave from a simavr cycle timer),
 *   each after a quiet gap of random length (so bursts meet Timer0 at every phase), with a CLOCK
 *   command sent every 2 ms throughout. Passes when
 *   - the board answers every CLOCK within ANSWER_MS of simulated time (a storm must not starve
 *     the main loop),
 *   - every sent edge is accounted for: received + counted in LOST markers + same-level repeats
 *     (two changes that the hardware merged into one interrupt; the host counts each as a lost
 *     "merged" edge) = sent, exactly,
 *   - board time is right: every reported timestamp is monotonic and lies within TIME_BOUND
 *     cycles of the true simulated time of the pin change it reports (the last change to that
 *     level), with no reset (one HELLO).
 * isolated: <edges> single edges, each after a random gap of 2-3 ms, i.e. at a random phase of
 *   Timer0 (every low byte of the tick), every other one 0-99 cycles after the CPU woke for Timer0's
 *   overflow (where 1 edge in ~256 used to wait ~100 us): each edge's frame must start on the line
 *   (the first UART byte after the pin change) within FIRST_BYTE_US, the maximum over all of them.
 * resets: while edges stream at 20,000 edges/s, the MCU is reset <resets> times at random moments
 *   (re-armed after each HELLO): every reset must give a boot HELLO that arrives intact, whose
 *   reset cause is power-on (PORF) at power-on and 0 ("unknown": MCUSR read 0) after simavr's
 *   resets, never a stale register's garbage.
 *
 * Simulated cycles throughout, never wall-clock time. The frames are decoded with the firmware's
 * own frame reader. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "protocol.h"
#include "sim_harness.h"

#define CYCLES_MS SIM_CYCLES_MS
#define ANSWER_MS 25        /* a CLOCK answered within this, storm or not */
#define TIME_BOUND 448      /* cycles: the tick (64) + the longest wait for the edge ISR */
#define FIRST_BYTE_US 20
/* Changes three (or more) at a time faster than the edge ISR came round look like one: the
 * level alternates, and nothing shows that two went missing. At 4x the zero-loss rate that is
 * a few in a thousand; everything else is accounted for exactly. */
#define UNACCOUNTED_PCT 1
#define MAX_TOGGLES 400000

static avr_t *avr;
static avr_irq_t *pin_irq;
static long byte_cycles;

/* the pin */
static int level = 1;
static long long toggle_at[MAX_TOGGLES];
static long toggles, period, burst_left, bursts_left, burst_edges;
static long long first_byte_after, first_byte_max, first_byte_n;

/* what the board sent */
static long edges, lost, merged, frames, hellos, seq_gaps, clocks_answered, acks;
static int last_seq = -1, last_level = -1, bad_cause;
static long long last_ts = -1, time_errors, time_err_max, backwards, edge_off, have_off;
static long long clock_sent_at[256], answer_max;
static int clock_req;

/* The true time of the edge a record reports: the last change to `lvl` at or before `at`. */
static long long true_edge(long long at, int lvl)
{
    long lo = 0, hi = toggles - 1, k = -1;
    while (lo <= hi) { /* the last toggle at or before `at` */
        long m = (lo + hi) / 2;
        if (toggle_at[m] <= at)
            k = m, lo = m + 1;
        else
            hi = m - 1;
    }
    /* toggle k sets level (k even: 0, from the initial 1) */
    while (k >= 0 && (k & 1 ? 1 : 0) != lvl)
        k--;
    return k >= 0 ? toggle_at[k] : -1;
}

static int check_time = 1; /* not across resets: board time starts again at 0 */

static void on_edge_record(int pin, int lvl, uint32_t ts)
{
    (void)pin;
    edges++;
    if (lvl == last_level)
        merged++;
    last_level = lvl;
    if (last_ts >= 0 && (long long)ts < last_ts)
        backwards++;
    last_ts = ts;
    if (!check_time)
        return;
    long long at = (long long)ts * 64;
    if (!have_off) { /* the first edge is the first toggle, isolated: its ISR ran at once */
        edge_off = at - toggle_at[0];
        have_off = 1;
    }
    long long est = at - edge_off, t = true_edge(est + 64, lvl);
    long long err = t < 0 ? 1LL << 40 : est - t;
    if (err < -64 || err > TIME_BOUND) {
        if (time_errors++ < 5)
            fprintf(stderr, "sim_storm: edge %ld (level %d) at tick %u is %lld cycles from its pin change (est %lld, toggles %ld, last %lld)\n", edges,
                    lvl, ts, err, est, toggles, toggle_at[toggles-1]);
    }
    if (err > time_err_max && err < (1LL << 40))
        time_err_max = err;
}

static void on_lost(uint32_t n)
{
    lost += n;
    last_level = -1; /* a repeat across a LOST marker is the drops' doing, counted there */
}

static void on_frame(const uint8_t *b, int len)
{
    frames++;
    if (last_seq >= 0 && ((last_seq + 1) & 0xFF) != b[1] && b[0] != ANS_HELLO)
        seq_gaps++;
    last_seq = b[1];
    switch (b[0]) {
    case ANS_HELLO: {
        hellos++;
        uint8_t cause = b[2 + 1 + 1 + 2 + 3 + 4 + 2 + 2]; /* type, seq, then the payload (PROTOCOL.md) */
        /* simavr sets PORF at power-on and no MCUSR flag at a later reset: there 0, "unknown", is
         * the one right answer (it used to be a stale register's value) */
        if (cause != (hellos == 1 ? 0x01 : 0))
            bad_cause = cause | 0x100;
        break;
    }
    case ANS_ACK: acks++; break;
    case ANS_CLOCK: {
        int req = b[2];
        if (clock_sent_at[req]) {
            long long d = (long long)avr->cycle - clock_sent_at[req];
            if (d > answer_max)
                answer_max = d;
            clock_sent_at[req] = 0;
            clocks_answered++;
        }
        break;
    }
    case ANS_EVENTS: sim_events(b, len, on_edge_record, on_lost); break;
    }
}

static void on_byte(void)
{
    if (first_byte_after) {
        long long d = (long long)avr->cycle - first_byte_after;
        if (d > first_byte_max)
            first_byte_max = d;
        first_byte_n++;
        first_byte_after = 0;
    }
}

static void arm(int pin)
{
    uint8_t args[] = {1, (uint8_t)pin, 3, 0, 0};
    sim_send(CMD_ARM, args, sizeof args);
}

static void toggle_now(void)
{
    level ^= 1;
    if (toggles < MAX_TOGGLES)
        toggle_at[toggles++] = (long long)avr->cycle;
    first_byte_after = (long long)avr->cycle;
    avr_raise_irq(pin_irq, level);
}

static avr_cycle_count_t burst(avr_t *a, avr_cycle_count_t when, void *param)
{
    (void)a, (void)param;
    toggle_now();
    if (--burst_left > 0)
        return when + period;
    if (--bursts_left > 0) { /* the next burst after a quiet gap of 20-30 ms, at a random phase */
        burst_left = burst_edges;
        return when + 20 * CYCLES_MS + (avr_cycle_count_t)(rand() % (10 * CYCLES_MS));
    }
    return 0;
}

static avr_cycle_count_t clock_cmd(avr_t *a, avr_cycle_count_t when, void *param)
{
    (void)a, (void)param;
    if (bursts_left <= 0)
        return 0;
    clock_req = clock_req % 255 + 1;
    uint8_t args[] = {(uint8_t)clock_req};
    sim_send(CMD_CLOCK, args, 1);
    /* the command is complete on the board's RX line once its bytes are fed: ~6 byte times */
    clock_sent_at[clock_req] = (long long)when + 6 * byte_cycles;
    return when + 2 * CYCLES_MS;
}

int main(int argc, char **argv)
{
    if (argc < 9) {
        fprintf(stderr, "usage: %s elf mcu baud port bit pin storm|isolated|resets args...\n", argv[0]);
        return 2;
    }
    const char *mcu = argv[2], *mode = argv[7];
    long baud = atol(argv[3]);
    int pin = atoi(argv[6]);
    sim_init("sim_storm");
    avr = sim_load(argv[1], mcu, 0);
    if (!avr)
        return 2;
    sim_uart(on_frame, on_byte);
    pin_irq = sim_pin(argv[4][0], atoi(argv[5]));
    byte_cycles = 16000000L * 12 / baud; /* simavr takes 11 bit times a byte; one more of slack */
    sim_tx_pace(byte_cycles, 0);
    srand(11);
    avr_raise_irq(pin_irq, level);
    if (sim_run_until(5 * CYCLES_MS))
        return 1;
    arm(pin);
    if (sim_run_until(10 * CYCLES_MS))
        return 1;

    int ok;
    if (!strcmp(mode, "storm") && argc >= 11) {
        long rate = atol(argv[8]), ms = atol(argv[9]);
        period = 16000000L / rate;
        burst_edges = burst_left = rate * ms / 1000;
        bursts_left = atol(argv[10]);
        avr_cycle_timer_register(avr, 20 * CYCLES_MS, burst, NULL);
        avr_cycle_timer_register(avr, 15 * CYCLES_MS, clock_cmd, NULL);
        while (bursts_left > 0)
            if (sim_run_for(CYCLES_MS))
                return 1;
        if (sim_run_for(100 * CYCLES_MS))
            return 1;
        long unanswered = 0;
        for (int i = 0; i < 256; i++)
            unanswered += clock_sent_at[i] != 0;
        long off = edges + lost + merged - toggles;
        ok = hellos == 1 && labs(off) * 100 <= toggles * UNACCOUNTED_PCT && !time_errors && !backwards && !unanswered &&
             answer_max <= ANSWER_MS * CYCLES_MS && !sim_bad && !seq_gaps;
        printf("sim_storm %s %ld baud, pin %d, %ld bursts of %ld ms at %ld edges/s: sent %ld, received %ld, "
               "counted lost %ld, merged %ld (unaccounted %+ld, limit %d%%); CLOCK answered %ld, %ld not, slowest %.2f ms (limit %d); "
               "time: %lld off by more than %d cycles (worst %lld), %lld backwards; resets %ld, bad frames %ld, seq gaps %ld -> %s\n",
               mcu, baud, pin, atol(argv[10]), ms, rate, toggles, edges, lost, merged, off, UNACCOUNTED_PCT,
               clocks_answered, unanswered, answer_max / 16000.0, ANSWER_MS, time_errors, TIME_BOUND, time_err_max,
               backwards, hellos - 1, sim_bad, seq_gaps, ok ? "PASS" : "FAIL");
    } else if (!strcmp(mode, "isolated") && argc >= 9) {
        long n = atol(argv[8]);
        uint32_t ovf_vector = strcmp(mcu, "atmega2560") ? 16 * 4 : 23 * 4; /* TIMER0_OVF's byte address */
        for (long i = 0; i < n; i++) {
            /* 2 overflow periods + 0-1,023 ticks + 0-63 cycles: 1.5-2.5 ms, every phase of Timer0 (its
             * overflow, when the CPU wakes for the overflow ISR, included), every cycle of a tick */
            long long gap = 32768 + rand() % 16384;
            if (sim_run_for(gap))
                return 1;
            if (i & 1) { /* every other edge 0-99 cycles after the CPU woke for Timer0's overflow */
                for (long long end = (long long)avr->cycle + 2 * 16384; avr->pc != ovf_vector;)
                    if ((long long)avr->cycle > end || avr_run(avr) == cpu_Crashed) {
                        fprintf(stderr, "sim_storm: no Timer0 overflow interrupt for 2 ms\n");
                        return 1;
                    }
                if (sim_run_for((i / 2) % 100))
                    return 1;
            }
            toggle_now();
        }
        if (sim_run_for(5 * CYCLES_MS))
            return 1;
        ok = hellos == 1 && edges == toggles && !lost && !merged && first_byte_n == toggles &&
             first_byte_max <= FIRST_BYTE_US * CYCLES_MS / 1000 && !sim_bad && !seq_gaps && !time_errors;
        printf("sim_storm %s %ld baud, pin %d, %ld isolated edges at random phases: received %ld, "
               "pin change to first TX byte max %.2f us (limit %d us) -> %s\n",
               mcu, baud, pin, toggles, edges, first_byte_max / 16.0, FIRST_BYTE_US, ok ? "PASS" : "FAIL");
    } else if (!strcmp(mode, "resets") && argc >= 9) {
        long n = atol(argv[8]), missing = 0;
        period = 16000000L / 20000;
        check_time = 0;
        for (long i = 0; i < n; i++) {
            long h = hellos;
            burst_left = 1000000, bursts_left = 1;
            avr_cycle_timer_register(avr, 100, burst, NULL);
            if (sim_run_for(2 * CYCLES_MS + rand() % (3 * CYCLES_MS)))
                return 1;
            avr_reset(avr); /* drops every cycle timer: the wave and the feeder */
            sim_tx_clear();
            last_level = -1;
            if (sim_run_for(3 * CYCLES_MS))
                return 1;
            if (hellos == h) {
                missing++;
            }
            arm(pin);
            if (sim_run_for(CYCLES_MS))
                return 1;
        }
        ok = !missing && !bad_cause;
        printf("sim_storm %s %ld baud, pin %d, %ld resets mid-stream: %ld boot HELLOs arrived, %ld missing, "
               "reset causes %s -> %s\n",
               mcu, baud, pin, n, hellos - 1, missing, bad_cause ? "WRONG" : "power-on, then unknown",
               ok ? "PASS" : "FAIL");
        if (bad_cause)
            fprintf(stderr, "sim_storm: a HELLO said reset cause 0x%02x\n", bad_cause & 0xFF);
    } else {
        fprintf(stderr, "sim_storm: unknown mode or missing arguments: %s\n", mode);
        return 2;
    }
    return ok ? 0 : 1;
}
