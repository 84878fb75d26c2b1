/* make bench-stream: board-timed sampling (module stream) on the real firmware ELF in simavr.
 *
 *   bench_stream <elf> <mcu> interval    A0 at 1 kHz for 2 s while D2 toggles at ~5,000 edges/s
 *                                        (armed, both edges): the board timestamps of the samples
 *                                        against the nominal 1,000 us, every edge received
 *   bench_stream <elf> <mcu> max         A0 at the firmware's fastest interval (40 ticks,
 *                                        6,250 samples/s) for 2 s: samples, LOST counts, seq gaps
 *
 * Prints METRIC lines; exits 1 when a sample or edge went missing unaccounted (received + LOST
 * counts must equal the samples taken by the board's own ticks). Simulated cycles only. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <simavr/avr_adc.h>

#include "protocol.h"
#include "sim_harness.h"

static unsigned interval;
static long samples, lost, seq_gaps, edges, edge_lost, toggles;
static int seq_prev = -1, have_prev;
static uint32_t prev_ts, first_ts, last_ts;
static double *errors;
static long n_errors, cap_errors;
static avr_irq_t *pin_irq;
static int level;
static long stop_cycle, period;

static uint32_t rd32(const uint8_t *p) { return p[0] | p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }

static uint32_t leb(const uint8_t *b, int *i, int len)
{
    uint32_t v = 0;
    for (int s = 0; *i < len; s += 7) {
        uint8_t c = b[(*i)++];
        v |= (uint32_t)(c & 0x7F) << s;
        if (!(c & 0x80))
            break;
    }
    return v;
}

static void on_edge(int pin, int lvl, uint32_t tick) { (void)pin, (void)lvl, (void)tick; edges++; }
static void on_lost(uint32_t n) { edge_lost += n; }

static void on_frame(const uint8_t *b, int len)
{
    if (seq_prev >= 0 && b[1] != ((seq_prev + 1) & 0xFF) && b[0] != ANS_HELLO)
        seq_gaps++;
    seq_prev = b[1];
    if (b[0] == ANS_EVENTS) {
        sim_events(b, len, on_edge, on_lost);
        return;
    }
    if (b[0] != ANS_SAMPLES)
        return;
    uint32_t ts = rd32(b + 2);
    for (int i = 6; i + 1 < len;) {
        unsigned w = b[i] | b[i + 1] << 8;
        i += 2;
        if (w & 0x8000) {
            lost += w & 0x7FFF;
            continue;
        }
        ts += leb(b, &i, len);
        if (!samples)
            first_ts = ts;
        if (have_prev && n_errors < cap_errors) {
            uint32_t d = ts - prev_ts, k = (d + interval / 2) / interval;
            errors[n_errors++] = fabs(((double)d - (double)k * interval) * 4.0);
        }
        prev_ts = last_ts = ts;
        have_prev = 1;
        samples++;
    }
}

static avr_cycle_count_t toggle(avr_t *a, avr_cycle_count_t when, void *param)
{
    (void)param;
    if ((long)a->cycle >= stop_cycle)
        return 0;
    level ^= 1;
    toggles++;
    avr_raise_irq(pin_irq, level);
    return when + period;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc != 4 || (strcmp(argv[3], "interval") && strcmp(argv[3], "max"))) {
        fprintf(stderr, "usage: bench_stream <elf> <mcu> interval|max\n");
        return 2;
    }
    int max = !strcmp(argv[3], "max");
    sim_init("bench_stream");
    avr_t *avr = sim_load(argv[1], argv[2], 5000);
    if (!avr)
        return 2;
    sim_uart(on_frame, NULL);
    avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC0), 2500);
    interval = max ? 40 : 250;
    cap_errors = 100000;
    errors = calloc((size_t)cap_errors, sizeof *errors);
    long ms = SIM_CYCLES_MS, run_ms = 2000;
    sim_tx_pace(200, 16000);
    if (!max)
        sim_queue(CMD_ARM, (const uint8_t[]){1, 2, 3, 0, 0}, 5);
    sim_queue(CMD_STREAM, (const uint8_t[]){2, 1, 0, (uint8_t)interval, (uint8_t)(interval >> 8)}, 5);
    sim_feed_in(5 * ms);
    if (!max) {
        pin_irq = sim_pin(strcmp(argv[2], "atmega2560") ? 'D' : 'E', strcmp(argv[2], "atmega2560") ? 2 : 4);
        period = 3203; /* ~4,995 edges/s, not a multiple of the sampling interval */
        stop_cycle = (20 + run_ms) * ms;
        avr_cycle_timer_register(avr, 20 * ms, toggle, NULL);
    }
    if (sim_run_until((30 + run_ms) * ms))
        return 1;
    sim_send(CMD_STREAM, (const uint8_t[]){3, 0, 0, 0, 0}, 5);
    if (sim_run_until((60 + run_ms) * ms))
        return 1;
    long taken = have_prev ? (long)(last_ts - first_ts) / interval + 1 : 0;
    qsort(errors, (size_t)n_errors, sizeof *errors, cmp);
    double p99 = n_errors ? errors[(size_t)(n_errors * 0.99)] : -1, worst = n_errors ? errors[n_errors - 1] : -1;
    int bad = seq_gaps || samples + lost != taken || (!max && (edges + edge_lost != toggles || edge_lost));
    printf("bench_stream %s %s: %ld samples every %u us, %ld lost (LOST markers), %ld taken by the board's ticks, "
           "%ld seq gaps; %ld of %ld edges received, %ld counted lost\n", argv[2], argv[3], samples, interval * 4, lost,
           taken, seq_gaps, edges, toggles, edge_lost);
    if (!max) {
        printf("METRIC stream_interval_error_us_p99 %.1f us\n", p99);
        printf("METRIC stream_interval_error_us_max %.1f us\n", worst);
        printf("METRIC stream_edges_per_s_alongside %ld edges/s\n", toggles * 1000 / run_ms);
    } else if (!bad && !lost) {
        printf("METRIC stream_max_samples_per_s %u samples/s\n", 250000 / interval);
    }
    if (bad)
        printf("bench_stream: FAIL: received %ld + lost %ld != taken %ld, or %ld seq gaps, or edges %ld + %ld != %ld\n",
               samples, lost, taken, seq_gaps, edges, edge_lost, toggles);
    return bad || (max && lost) ? 1 : 0;
}
