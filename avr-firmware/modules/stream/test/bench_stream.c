/* make bench-stream: board-timed sampling (module stream) on the real firmware ELF in simavr.
 *
 *   bench_stream <elf> <mcu> interval    A0 at 1 kHz for 2 s while D2 toggles at ~5,000 edges/s
 *                                        (armed, both edges): the board timestamps of the samples
 *                                        against the nominal 1,000 us, every edge received
 *   bench_stream <elf> <mcu> max         A0 at the firmware's fastest interval (40 ticks,
 *                                        6,250 samples/s) for 2 s: samples, LOST counts, seq gaps
 *
 *   bench_stream <elf> <mcu> interval EDGES_PER_S   the same with another edge rate
 *   bench_stream <firmata.elf> atmega328p firmata EDGES_PER_S
 *                                        StandardFirmata (57,600 baud) reporting A0 every 1 ms
 *                                        (SAMPLING_INTERVAL 1) with D2 reported (port 0) while
 *                                        it toggles: Firmata's analog messages carry no time, so
 *                                        the best a host has is their arrival; the error is the
 *                                        arrival interval against the nominal 1,000 us
 *
 * Prints METRIC lines; exits 1 when a sample or edge went missing unaccounted (received + LOST
 * counts must equal the samples taken by the board's own ticks). Simulated cycles only. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <simavr/avr_adc.h>
#include <simavr/avr_uart.h>

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



static void on_edge(int pin, int lvl, uint32_t tick) { (void)pin, (void)lvl, (void)tick; edges++; }
static void on_lost(uint32_t n) { edge_lost += n; }

static void on_sample_lost(uint32_t n) { lost += n; }

static void on_sample(unsigned ch, unsigned value, uint32_t ts)
{
    (void)ch, (void)value;
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

static void on_frame(const uint8_t *b, int len)
{
    if (seq_prev >= 0 && b[1] != ((seq_prev + 1) & 0xFF) && b[0] != ANS_HELLO)
        seq_gaps++;
    seq_prev = b[1];
    if (b[0] == ANS_EVENTS) {
        sim_events(b, len, on_edge, on_lost);
        return;
    }
    if (b[0] == ANS_SAMPLES)
        sim_samples(b, len, on_sample, on_sample_lost);
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

/* ---- StandardFirmata: raw bytes both ways ---- */
static avr_irq_t *fm_in;
static const uint8_t fm_script[] = {
    0xF4, 0x02, 0x00,             /* SET_PIN_MODE D2 INPUT */
    0xD0, 0x01,                   /* REPORT_DIGITAL port 0 on */
    0xF0, 0x7A, 0x01, 0x00, 0xF7, /* SAMPLING_INTERVAL 1 ms */
    0xC0, 0x01,                   /* REPORT_ANALOG A0 on */
};
static unsigned fm_pos;
static int fm_state, fm_len;
static long fm_analog, fm_digital;
static avr_cycle_count_t fm_prev, fm_first, fm_last;

static avr_cycle_count_t fm_feed(avr_t *a, avr_cycle_count_t when, void *param)
{
    (void)a, (void)param;
    if (fm_pos >= sizeof fm_script)
        return 0;
    avr_raise_irq(fm_in, fm_script[fm_pos++]);
    return when + 4000; /* 250 us a byte: slower than 57,600 baud */
}

static void fm_out(struct avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq, (void)param;
    uint8_t b = (uint8_t)value;
    if (b & 0x80) {
        fm_state = b & 0xF0;
        fm_len = 0;
        return;
    }
    if (++fm_len != 2)
        return;
    if (fm_state == 0xE0) { /* ANALOG_MESSAGE: its last byte is here now */
        avr_cycle_count_t now = sim_avr->cycle;
        if (!fm_analog)
            fm_first = now;
        fm_last = now;
        if (fm_analog && n_errors < cap_errors)
            errors[n_errors++] = fabs((double)(now - fm_prev) / 16.0 - 1000.0);
        fm_prev = now;
        fm_analog++;
    } else if (fm_state == 0x90) {
        fm_digital++;
    }
}

static int firmata(const char *elf, long edge_rate)
{
    avr_t *avr = sim_load(elf, "atmega328p", 5000);
    if (!avr)
        return 2;
    uint32_t flags = 0;
    avr_ioctl(avr, AVR_IOCTL_UART_GET_FLAGS('0'), &flags);
    flags &= ~AVR_UART_FLAG_STDIO;
    avr_ioctl(avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT), fm_out, NULL);
    fm_in = avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_INPUT);
    avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC0), 2500);
    /* StandardFirmata answers its first commands ~2.1 s after reset in simavr: run 4 s of edges */
    long ms = SIM_CYCLES_MS, run_ms = 4000;
    avr_cycle_timer_register(avr, 300 * ms, fm_feed, NULL);
    pin_irq = sim_pin('D', 2);
    period = 16000000L / edge_rate;
    stop_cycle = (500 + run_ms) * ms;
    avr_cycle_timer_register(avr, 500 * ms, toggle, NULL);
    while ((long)avr->cycle < stop_cycle) /* measure while the edges come */
        if (sim_step())
            return 1;
    double mean = 0;
    for (long i = 0; i < n_errors; i++)
        mean += errors[i];
    qsort(errors, (size_t)n_errors, sizeof *errors, cmp);
    double p99 = n_errors ? errors[(size_t)(n_errors * 0.99)] : -1;
    printf("bench_stream firmata: %ld intervals from %.1f ms to %.1f ms, mean error %.1f us, median %.1f us\n", n_errors,
           fm_first / 16000.0, fm_last / 16000.0, n_errors ? mean / n_errors : 0, n_errors ? errors[n_errors / 2] : 0);
    printf("bench_stream firmata: StandardFirmata, A0 every 1 ms and D2 at %ld edges/s: %ld analog messages, %ld digital"
           " messages for %ld edges (it reports a port's state, not each edge)\n", edge_rate, fm_analog, fm_digital, toggles);
    printf("METRIC firmata_analog_interval_error_us_p99 %.1f us\n", p99);
    printf("METRIC firmata_analog_interval_error_us_max %.1f us\n", n_errors ? errors[n_errors - 1] : -1);
    return n_errors ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc < 4 || (strcmp(argv[3], "interval") && strcmp(argv[3], "max") && strcmp(argv[3], "firmata"))) {
        fprintf(stderr, "usage: bench_stream <elf> <mcu> interval|max|firmata [edges_per_s]\n");
        return 2;
    }
    long edge_rate = argc > 4 ? atol(argv[4]) : 4995;
    cap_errors = 100000;
    errors = calloc((size_t)cap_errors, sizeof *errors);
    sim_init("bench_stream");
    if (!strcmp(argv[3], "firmata"))
        return firmata(argv[1], edge_rate);
    int max = !strcmp(argv[3], "max");
    avr_t *avr = sim_load(argv[1], argv[2], 5000);
    if (!avr)
        return 2;
    sim_uart(on_frame, NULL);
    avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC0), 2500);
    interval = max ? 40 : 250;
    long ms = SIM_CYCLES_MS, run_ms = 2000;
    sim_tx_pace(200, 16000);
    if (!max)
        sim_queue(CMD_ARM, (const uint8_t[]){1, 2, 3, 0, 0}, 5);
    sim_queue(CMD_STREAM, (const uint8_t[]){2, 1, 0, (uint8_t)interval, (uint8_t)(interval >> 8)}, 5);
    sim_feed_in(5 * ms);
    if (!max) {
        pin_irq = sim_pin(strcmp(argv[2], "atmega2560") ? 'D' : 'E', strcmp(argv[2], "atmega2560") ? 2 : 4);
        period = 16000000L / edge_rate; /* 4,995 edges/s: 3,203 cycles, not a multiple of the interval */
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
        const char *tag = edge_rate == 4995 ? "" : "_at_firmata_load";
        printf("METRIC stream_interval_error_us_p99%s %.1f us\n", tag, p99);
        printf("METRIC stream_interval_error_us_max%s %.1f us\n", tag, worst);
        printf("METRIC stream_edges_per_s_alongside%s %ld edges/s\n", tag, toggles * 1000 / run_ms);
    } else if (!bad && !lost) {
        printf("METRIC stream_max_samples_per_s %u samples/s\n", 250000 / interval);
    }
    if (bad)
        printf("bench_stream: FAIL: received %ld + lost %ld != taken %ld, or %ld seq gaps, or edges %ld + %ld != %ld\n",
               samples, lost, taken, seq_gaps, edges, edge_lost, toggles);
    return bad || (max && lost) ? 1 : 0;
}
