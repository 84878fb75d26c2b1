/*
 * vboard-bench: the firmware's figures, measured on the virtual board's cycle counter.
 *
 * Runs the real firmware free (no wall-clock pacing), talks PROTOCOL.md to it in-process
 * through the same simulation core as vboard, and prints `METRIC <name> <value> <unit>`:
 *   flash_bytes, ram_bytes               avr-size of the ELF (text+data, data+bss)
 *   edge_to_timestamp_cycles(_max)       pin edge to the ISR's read of TCNT0 (median, worst), idle
 *   edge_to_timestamp_cycles_max_loaded  the same, worst of every edge of the 2-s zero-loss run
 *                                        (the firmware's budget is 60 cycles)
 *   edge_to_first_tx_byte_us(_max)       pin edge to the first UDR0 write, board idle
 *   edges_per_s_<baud>                   highest sustained edge rate with zero loss
 *   wire_bytes_per_edge                  UART bytes per edge at that rate
 *   idle_sleep_share                     share of cycles asleep with no traffic
 *
 * Zero loss means: every driven edge arrives in an EVENTS frame, no LOST record, no gap in
 * the frame sequence, no bad frame. The search doubles the rate until a trial loses, then
 * bisects to 2%, and the result must then hold for 2 s (else it steps down 2% at a time).
 * Trade-off: search trials are short (at least 2000 edges and 0.25 s of simulated time),
 * long enough to fill the firmware's ring many times over, short enough to keep the whole
 * search within seconds of CPU; the 2 s confirmation catches a loss that builds up slowly.
 * The UART runs at real 8N1 timing (10 bits per byte; see uart_bridge.h) unless
 * --simavr-uart-timing keeps simavr's 11.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <simavr/sim_avr.h>
#include <simavr/sim_io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board_config.h"
#include "core.h"
#include "cycle_profile.h"
#include "wire_frames.h"

#define EDGE_PIN 2      /* INT0 on the Uno, INT4 on the Mega: an external interrupt on both */
#define TCNT0_ADDR 0x46 /* data-space address of TCNT0 on the ATmega328P and the ATmega2560 */

typedef struct bench {
    vb_core core;
    vb_frame_reader rd;
    uint64_t wire_bytes, last_tx;
    vb_events_tally tally;
    int hello_seen;
    uint32_t baud;
    int seq_valid;
    uint8_t last_seq;
    unsigned seq_gaps, acks, naks;
    /* latency probe */
    int probing;
    uint64_t edge_at, ts_read_at, tx_at;
    int want_load_probe, load_probe; /* every edge of a trial's wave: pin edge -> the stub's TCNT0 read */
    uint64_t load_edge_at, load_max, load_n;
    avr_io_read_t tcnt_read;
    void *tcnt_param;
    int verbose, profile, prof_on, profile_trial;
    vb_profile prof;
} bench;

static bench B;

static void on_frame(bench *b, const vb_frame *f) {
    if (b->seq_valid && f->seq != (uint8_t)(b->last_seq + 1)) b->seq_gaps++;
    b->seq_valid = 1;
    b->last_seq = f->seq;
    switch (f->type) {
    case VB_T_HELLO:
        b->hello_seen = 1;
        if (f->len >= 20) b->baud = (uint32_t)(f->payload[16] | f->payload[17] << 8 | f->payload[18] << 16 |
                                               (uint32_t)f->payload[19] << 24);
        break;
    case VB_T_EVENTS: vb_events_parse(f, &b->tally, NULL, NULL); break;
    case VB_T_ACK: b->acks++; break;
    case VB_T_NAK: b->naks++; break;
    }
}

static void on_tx(void *ctx, uint8_t byte, uint64_t cycle) {
    bench *b = ctx;
    vb_frame f;
    b->wire_bytes++;
    b->last_tx = cycle;
    if (b->probing && b->edge_at && !b->tx_at) b->tx_at = cycle;
    int r = vb_frame_feed(&b->rd, byte, &f);
    if (r == 1) on_frame(b, &f);
}

static void on_edge(void *ctx, int pin, int level, uint64_t cycle) {
    (void)pin;
    (void)level;
    bench *b = ctx;
    if (b->probing && !b->edge_at) b->edge_at = cycle;
    if (b->load_probe && !b->load_edge_at) b->load_edge_at = cycle;
}

/* Wraps simavr's own TCNT0 read handler to note when the firmware reads the timer. */
static uint8_t tcnt_probe(struct avr_t *avr, avr_io_addr_t addr, void *param) {
    (void)param;
    bench *b = &B;
    if (b->probing && b->edge_at && !b->ts_read_at) b->ts_read_at = vb_core_now(&b->core);
    /* An edge stub's read (`push r22; in r22, TCNT0`, edge_isr.S), not clock_now()'s (`cli` first) */
    uint32_t pc = avr->pc;
    if (b->load_probe && b->load_edge_at && pc >= 2 && (avr->flash[pc] | avr->flash[pc + 1] << 8) == 0xB566 &&
        (avr->flash[pc - 2] | avr->flash[pc - 1] << 8) == 0x936F) {
        uint64_t d = vb_core_now(&b->core) - b->load_edge_at;
        if (d > b->load_max) b->load_max = d;
        b->load_n++;
        b->load_edge_at = 0;
    }
    return b->tcnt_read ? b->tcnt_read(avr, addr, b->tcnt_param) : avr->data[addr];
}

/* One simulation step; while b->prof_on, its cycles go to the function at the PC. */
static void step(bench *b) {
    if (!b->prof_on) {
        vb_core_step(&b->core);
        return;
    }
    uint32_t pc = b->core.avr->pc;
    uint64_t c0 = vb_core_now(&b->core), s0 = b->core.asleep_cycles;
    vb_core_step(&b->core);
    uint64_t busy = (vb_core_now(&b->core) - c0) - (b->core.asleep_cycles - s0);
    if (busy) vb_profile_add(&b->prof, pc, busy);
}

static void emit(void *ctx, const char *line) {
    bench *b = ctx;
    if (b->verbose) fprintf(stderr, "vboard-bench: %s\n", line);
}

static int run_for(bench *b, uint64_t cycles) {
    uint64_t end = vb_core_now(&b->core) + cycles;
    while (vb_core_now(&b->core) < end) {
        step(b);
        if (vb_core_halted(&b->core)) return -1;
    }
    return 0;
}

/* Runs until *flag becomes nonzero, at most `cycles`. */
static int run_until(bench *b, volatile int *flag, uint64_t cycles) {
    uint64_t end = vb_core_now(&b->core) + cycles;
    while (!*flag && vb_core_now(&b->core) < end) {
        step(b);
        if (vb_core_halted(&b->core)) return -1;
    }
    return *flag ? 0 : -1;
}

static uint64_t ms(bench *b, double m) { return vb_core_us_to_cycles(&b->core, m * 1000.0); }

static void send_cmd(bench *b, uint8_t type, const uint8_t *payload, size_t n) {
    static uint8_t seq;
    uint8_t wire[80];
    size_t len = vb_frame_encode(type, seq++, payload, n, wire);
    vb_uart_send_to_board(&b->core, wire, (unsigned)len);
}

/* Resets the board, waits for HELLO, and arms the edge pin for both edges. */
static int boot_and_arm(bench *b) {
    vb_core_request_reset(&b->core);
    vb_core_step(&b->core);
    memset(&b->rd, 0, sizeof b->rd);
    b->hello_seen = 0;
    b->seq_valid = 0;
    b->acks = b->naks = 0;
    vb_drive_set(&b->core, EDGE_PIN, 1);
    if (run_until(b, &b->hello_seen, ms(b, 200))) {
        fprintf(stderr, "vboard-bench: no HELLO within 200 ms of a reset\n");
        return -1;
    }
    uint8_t mode[] = {1, EDGE_PIN, 1}, arm[] = {2, EDGE_PIN, 3, 0, 0};
    send_cmd(b, VB_C_PIN_MODE, mode, sizeof mode);
    send_cmd(b, VB_C_ARM, arm, sizeof arm);
    uint64_t end = vb_core_now(&b->core) + ms(b, 50);
    while (b->acks + b->naks < 2 && vb_core_now(&b->core) < end) step(b);
    if (b->acks < 2) {
        fprintf(stderr, "vboard-bench: PIN_MODE/ARM of pin %d not ACKed (%u ACK, %u NAK)\n", EDGE_PIN, b->acks,
                b->naks);
        return -1;
    }
    return run_for(b, ms(b, 2));
}

static int cmp_u64(const void *x, const void *y) {
    uint64_t a = *(const uint64_t *)x, c = *(const uint64_t *)y;
    return a < c ? -1 : a > c;
}

static void latency(bench *b) {
    enum { N = 41 };
    uint64_t ts[N], tx[N];
    int got = 0;
    if (boot_and_arm(b)) return;
    for (int i = 0; i < N; i++) {
        run_for(b, ms(b, 3)); /* idle: the previous event is long sent */
        b->probing = 1;
        b->edge_at = b->ts_read_at = b->tx_at = 0;
        vb_drive_set(&b->core, EDGE_PIN, !vb_drive_input(&b->core, EDGE_PIN));
        uint64_t end = vb_core_now(&b->core) + ms(b, 5);
        while ((!b->ts_read_at || !b->tx_at) && vb_core_now(&b->core) < end) {
            b->prof_on = b->profile && !b->tx_at;
            step(b);
        }
        b->prof_on = 0;
        b->probing = 0;
        if (!b->ts_read_at || !b->tx_at) continue;
        ts[got] = b->ts_read_at - b->edge_at;
        tx[got] = b->tx_at - b->edge_at;
        got++;
    }
    if (got < N / 2) {
        fprintf(stderr, "vboard-bench: only %d of %d edges were timestamped and sent\n", got, N);
        return;
    }
    qsort(ts, (size_t)got, sizeof ts[0], cmp_u64);
    qsort(tx, (size_t)got, sizeof tx[0], cmp_u64);
    if (b->profile) vb_profile_print(&b->prof, stderr, "from an edge to the first TX byte", got);
    printf("METRIC edge_to_timestamp_cycles %llu cycles\n", (unsigned long long)ts[got / 2]);
    printf("METRIC edge_to_timestamp_cycles_max %llu cycles\n", (unsigned long long)ts[got - 1]);
    printf("METRIC edge_to_first_tx_byte_us %.2f us\n", vb_core_cycles_to_us(&b->core, tx[got / 2]));
    printf("METRIC edge_to_first_tx_byte_us_max %.2f us\n", vb_core_cycles_to_us(&b->core, tx[got - 1]));
}

typedef struct trial {
    int ok;
    unsigned watchdog;  /* watchdog resets during the trial: the firmware starved its main loop */
    unsigned driven, received;
    uint64_t lost, wire_bytes;
    unsigned gaps, bad;
} trial;

/* Drives `rate` edges per second for at least `seconds` and counts what arrives. */
static trial run_trial(bench *b, double rate, double seconds) {
    trial t = {0};
    if (boot_and_arm(b)) return t;
    uint32_t n = (uint32_t)(rate * seconds);
    if (n < 2000) n = 2000;
    uint64_t period = (uint64_t)(2.0 * b->core.avr->frequency / rate + 0.5); /* two edges per period */
    memset(&b->tally, 0, sizeof b->tally);
    uint64_t bytes0 = b->wire_bytes, bad0 = b->rd.bad + b->rd.crc_errors;
    b->seq_gaps = 0;
    uint64_t wd0 = b->core.watchdog_resets;
    char err[128];
    if (vb_drive_wave(&b->core, "wave", EDGE_PIN, vb_core_now(&b->core) + 100, period, n, err, sizeof err)) {
        fprintf(stderr, "vboard-bench: %s\n", err);
        return t;
    }
    b->prof_on = b->profile_trial;
    b->load_probe = b->want_load_probe;
    b->load_max = b->load_n = b->load_edge_at = 0;
    while (vb_drive_waves_running(&b->core, EDGE_PIN)) step(b);
    b->load_probe = 0;
    /* Drain: until the line has been quiet for 5 ms (at most 1 s). */
    uint64_t end = vb_core_now(&b->core) + ms(b, 1000);
    while (vb_core_now(&b->core) < end && vb_core_now(&b->core) - b->last_tx < ms(b, 5)) step(b);
    b->prof_on = 0;
    t.driven = n;
    t.received = b->tally.edges;
    t.lost = b->tally.lost;
    t.gaps = b->seq_gaps;
    t.bad = (unsigned)(b->rd.bad + b->rd.crc_errors - bad0);
    t.wire_bytes = b->wire_bytes - bytes0;
    t.watchdog = (unsigned)(b->core.watchdog_resets - wd0);
    t.ok = t.received == n && !t.lost && !t.gaps && !t.bad && !b->tally.malformed && !t.watchdog;
    if (t.watchdog)
        fprintf(stderr, "vboard-bench: the firmware's watchdog reset the board during %.1f s at %.0f edges/s\n", seconds,
                rate);
    if (b->verbose)
        fprintf(stderr, "vboard-bench: %.0f edges/s for %.2f s: %u of %u arrived, lost %llu, seq gaps %u, bad frames %u, "
                        "watchdog resets %u -> %s\n",
                rate, seconds, t.received, n, (unsigned long long)t.lost, t.gaps, t.bad, t.watchdog, t.ok ? "ok" : "LOSS");
    return t;
}

static void throughput(bench *b) {
    double good = 0, bad = 0, rate = 500;
    trial best = {0};
    while (rate <= 400000) {
        trial t = run_trial(b, rate, 0.25);
        if (!t.ok) {
            bad = rate;
            break;
        }
        good = rate;
        best = t;
        rate *= 2;
    }
    if (!bad) bad = rate;
    while (good > 0 && (bad - good) / good > 0.02) {
        double mid = (good + bad) / 2;
        trial t = run_trial(b, mid, 0.25);
        if (t.ok) {
            good = mid;
            best = t;
        } else {
            bad = mid;
        }
    }
    /* Sustained: the rate found must also hold for 2 s; else step down 2% at a time. */
    while (good > 0) {
        b->want_load_probe = 1;
        trial t = run_trial(b, good, 2.0);
        b->want_load_probe = 0;
        if (t.ok) {
            best = t;
            break;
        }
        good *= 0.98;
    }
    if (b->profile && good > 0) {
        b->profile_trial = 1;
        trial t = run_trial(b, good, 0.25);
        b->profile_trial = 0;
        char what[64];
        snprintf(what, sizeof what, "per edge at %.0f edges/s", good);
        vb_profile_print(&b->prof, stderr, what, (int)t.driven);
    }
    char name[32];
    if (b->baud >= 1000000 && b->baud % 1000000 == 0)
        snprintf(name, sizeof name, "%uM", b->baud / 1000000);
    else
        snprintf(name, sizeof name, "%u", b->baud);
    printf("METRIC edges_per_s_%s %.0f edges/s\n", name, good);
    if (good > 0 && b->baud == 1000000 && b->load_n)
        printf("METRIC edge_to_timestamp_cycles_max_loaded %llu cycles\n", (unsigned long long)b->load_max);
    if (good > 0)
        printf("METRIC wire_bytes_per_edge%s%s %.2f bytes\n", b->baud == 1000000 ? "" : "_",
               b->baud == 1000000 ? "" : name, (double)best.wire_bytes / best.driven);
}

static void idle_share(bench *b) {
    if (boot_and_arm(b)) return;
    run_for(b, ms(b, 10));
    uint64_t c0 = vb_core_now(&b->core), s0 = b->core.asleep_cycles;
    run_for(b, ms(b, 1000));
    uint64_t c1 = vb_core_now(&b->core), s1 = b->core.asleep_cycles;
    printf("METRIC idle_sleep_share %.4f ratio\n", (double)(s1 - s0) / (double)(c1 - c0));
}

static void sizes(const char *elf) {
    char cmd[600];
    snprintf(cmd, sizeof cmd, "avr-size --format=berkeley '%s' 2>/dev/null", elf);
    FILE *p = popen(cmd, "r");
    char line[256];
    unsigned long text, data, bss;
    int ok = 0;
    if (p) {
        if (fgets(line, sizeof line, p) && fgets(line, sizeof line, p) && sscanf(line, "%lu %lu %lu", &text, &data, &bss) == 3)
            ok = 1;
        pclose(p);
    }
    if (!ok) {
        fprintf(stderr, "vboard-bench: avr-size could not read %s\n", elf);
        return;
    }
    printf("METRIC flash_bytes %lu bytes\n", text + data);
    printf("METRIC ram_bytes %lu bytes\n", data + bss);
}

static void usage(FILE *f) {
    fprintf(f, "usage: vboard-bench [--board-config FILE] [--mcu NAME] [--only size,latency,throughput,idle] [--profile] [--simavr-uart-timing] [-v] FIRMWARE.elf\n"
               "Prints METRIC <name> <value> <unit> lines measured on the virtual board.\n");
}

int main(int argc, char **argv) {
    vb_core_options opt = {0};
    vb_board_config bc;
    const char *only = "size,latency,throughput,idle";
    int simavr_timing = 0;
    char err[512];
    static const struct option longs[] = {{"board-config", required_argument, 0, 'b'},
                                          {"mcu", required_argument, 0, 'm'},
                                          {"only", required_argument, 0, 'o'},
                                          {"verbose", no_argument, 0, 'v'},
                                          {"profile", no_argument, 0, 'p'},
                                          {"simavr-uart-timing", no_argument, 0, 'u'},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    int o;
    while ((o = getopt_long(argc, argv, "vh", longs, NULL)) != -1) {
        switch (o) {
        case 'b':
            if (vb_board_config_read(optarg, &bc, err, sizeof err)) {
                fprintf(stderr, "vboard-bench: %s\n", err);
                return 2;
            }
            if (bc.mcu[0]) opt.mcu_default = strdup(bc.mcu);
            if (bc.f_cpu) opt.freq_default = bc.f_cpu;
            break;
        case 'm': opt.mcu = optarg; break;
        case 'o': only = optarg; break;
        case 'v': B.verbose = 1; break;
        case 'p': B.profile = 1; break;
        case 'u': simavr_timing = 1; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (optind != argc - 1) {
        usage(stderr);
        return 2;
    }
    opt.elf_path = argv[optind];
    setvbuf(stdout, NULL, _IOLBF, 0); /* each METRIC as soon as it is known */
    bench *b = &B;
    if (vb_core_load(&b->core, &opt, err, sizeof err)) {
        fprintf(stderr, "vboard-bench: %s\n", err);
        return 2;
    }
    if (!simavr_timing) vb_uart_true_timing(&b->core);
    b->core.ctx = b;
    b->core.emit = emit;
    b->core.uart.on_tx = on_tx;
    b->core.drive.on_edge = on_edge;
    if (b->profile) vb_profile_load(&b->prof, &b->core.fw);
    avr_t *avr = b->core.avr;
    avr_io_addr_t io = AVR_DATA_TO_IO(TCNT0_ADDR);
    b->tcnt_read = avr->io[io].r.c;
    b->tcnt_param = avr->io[io].r.param;
    avr->io[io].r.c = tcnt_probe;
    avr->io[io].r.param = b;

    if (strstr(only, "size")) sizes(opt.elf_path);
    if (strstr(only, "latency")) latency(b);
    if (strstr(only, "idle")) idle_share(b);
    if (strstr(only, "throughput")) throughput(b);
    fflush(stdout);
    vb_core_free(&b->core);
    return 0;
}
