#include "commands.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_WORDS 8

void vb_commands_init(vb_commands *c, vb_core *core) {
    memset(c, 0, sizeof *c);
    c->core = core;
}

int vb_commands_busy(vb_commands *c) {
    if (!c->sleep_until) return 0;
    if (vb_core_now(c->core) < c->sleep_until) return 1;
    c->sleep_until = 0;
    vb_core_emitf(c->core, "OK %s", c->sleep_line);
    return 0;
}

int vb_parse_duration(const vb_core *core, const char *s, uint64_t *cycles, char *err, size_t errlen) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno || !isfinite(v) || v < 0) {
        snprintf(err, errlen, "bad duration '%s' (want e.g. 100, 100us, 2ms, 1600c)", s);
        return -1;
    }
    double us;
    if (!*end || !strcmp(end, "us") || !strcmp(end, "\xc2\xb5s"))
        us = v;
    else if (!strcmp(end, "ms"))
        us = v * 1e3;
    else if (!strcmp(end, "s"))
        us = v * 1e6;
    else if (!strcmp(end, "ns"))
        us = v / 1e3;
    else if (!strcmp(end, "c") || !strcmp(end, "cycles")) {
        *cycles = (uint64_t)v;
        return 0;
    } else {
        snprintf(err, errlen, "bad unit '%s' in '%s' (units: us, ms, s, ns, c)", end, s);
        return -1;
    }
    if (us > 1e12) {
        snprintf(err, errlen, "duration '%s' is too long", s);
        return -1;
    }
    *cycles = vb_core_us_to_cycles(core, us);
    return 0;
}

int vb_parse_hex(const char *s, uint8_t *out, size_t cap, size_t *n, char *err, size_t errlen) {
    size_t k = 0;
    int half = -1;
    for (const char *p = s; *p; p++) {
        if (isspace((unsigned char)*p) || *p == ':') continue;
        if (!isxdigit((unsigned char)*p)) {
            snprintf(err, errlen, "'%c' is not a hex digit", *p);
            return -1;
        }
        int v = isdigit((unsigned char)*p) ? *p - '0' : tolower((unsigned char)*p) - 'a' + 10;
        if (half < 0) {
            half = v;
        } else {
            if (k == cap) {
                snprintf(err, errlen, "more than %zu bytes", cap);
                return -1;
            }
            out[k++] = (uint8_t)(half << 4 | v);
            half = -1;
        }
    }
    if (half >= 0) {
        snprintf(err, errlen, "odd number of hex digits");
        return -1;
    }
    if (k == 0) {
        snprintf(err, errlen, "no bytes given");
        return -1;
    }
    *n = k;
    return 0;
}

/* A digital pin by name, with the error message naming the board. */
static int digital_pin(vb_commands *c, const char *name, int *pin, char *err, size_t errlen) {
    vb_pin p;
    if (vb_pin_parse(c->core->pins, name, &p, err, errlen) != 0) return -1;
    if (p.number < 0) {
        snprintf(err, errlen, "%s is an analog-only input (use adc)", name);
        return -1;
    }
    *pin = p.number;
    return 0;
}

static int parse_level(const char *s, int *level) {
    if (!strcmp(s, "1") || !strcasecmp(s, "high") || !strcasecmp(s, "h")) *level = 1;
    else if (!strcmp(s, "0") || !strcasecmp(s, "low") || !strcasecmp(s, "l")) *level = 0;
    else return -1;
    return 0;
}

static int want_args(const char *cmd, int nw, int min, int max, const char *usage, char *err, size_t errlen) {
    if (nw - 1 < min || nw - 1 > max) {
        snprintf(err, errlen, "%s takes %s (usage: %s)", cmd, min == max ? "exactly those arguments" : "these arguments",
                 usage);
        return -1;
    }
    return 0;
}

static void print_stats(vb_commands *c) {
    vb_core *core = c->core;
    uint64_t now = vb_core_now(core);
    uint64_t win = now - c->stats_cycle, win_asleep = core->asleep_cycles - c->stats_asleep;
    char extra[256] = "";
    if (c->stats_extra) c->stats_extra(c->ctx, extra, sizeof extra);
    vb_core_emitf(core,
                  "STATS cycles=%llu sim_us=%.0f asleep=%.4f window_cycles=%llu window_asleep=%.4f "
                  "tx_bytes=%llu rx_bytes=%llu rx_queued=%zu edges_driven=%llu resets=%llu watchdog_resets=%llu state=%s%s%s",
                  (unsigned long long)now, vb_core_cycles_to_us(core, now),
                  now ? (double)core->asleep_cycles / (double)now : 0.0, (unsigned long long)win,
                  win ? (double)win_asleep / (double)win : 0.0, (unsigned long long)core->uart.tx_bytes,
                  (unsigned long long)core->uart.rx_bytes, core->uart.to_board.len,
                  (unsigned long long)core->drive.edges_driven, (unsigned long long)core->resets,
                  (unsigned long long)core->watchdog_resets,
                  vb_core_halted(core) ? "halted" : "running", extra[0] ? " " : "", extra);
    c->stats_cycle = now;
    c->stats_asleep = core->asleep_cycles;
}

/* Executes the words of one line; returns 0 (OK printed by the caller), 1 (OK comes later), -1 (err set). */
/* The optional `at <time>` at w[i], w[i+1] (absolute simulated time): *start stays now without it. */
static int parse_at(vb_commands *c, char **w, int nw, int i, uint64_t *start, char *err, size_t errlen) {
    *start = vb_core_now(c->core);
    if (nw <= i) return 0;
    uint64_t at;
    if (nw != i + 2 || strcmp(w[i], "at")) {
        snprintf(err, errlen, "expected 'at <time>' after '%s'", w[i - 1]);
        return -1;
    }
    if (vb_parse_duration(c->core, w[i + 1], &at, err, errlen)) return -1;
    if (at < *start) {
        snprintf(err, errlen, "at %s is in the past (now is %.0fus)", w[i + 1], vb_core_cycles_to_us(c->core, *start));
        return -1;
    }
    *start = at;
    return 0;
}

/* `pattern D2 100us,900us,250us [at <time>]`: the pin inverts at the start and after each interval. */
static int cmd_pattern(vb_commands *c, char **w, int nw, char *err, size_t errlen) {
    int pin;
    uint64_t iv[VB_MAX_PATTERN], start;
    uint32_t n = 0;
    if (want_args(w[0], nw, 2, 4, "pattern D2 <interval>,<interval>,... [at <time>]", err, errlen) ||
        digital_pin(c, w[1], &pin, err, errlen))
        return -1;
    char list[512];
    snprintf(list, sizeof list, "%s", w[2]);
    for (char *save, *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (n == VB_MAX_PATTERN) {
            snprintf(err, errlen, "a pattern has at most %d intervals", VB_MAX_PATTERN);
            return -1;
        }
        if (vb_parse_duration(c->core, tok, &iv[n], err, errlen)) return -1;
        if (iv[n] < 1) {
            snprintf(err, errlen, "interval %s is shorter than one cycle", tok);
            return -1;
        }
        n++;
    }
    if (parse_at(c, w, nw, 3, &start, err, errlen)) return -1;
    return vb_drive_pattern(c->core, pin, start, iv, n, err, (unsigned)errlen);
}

/* `quad D2 D3 <step> +8,-3 [at <time>]`: Gray-code steps on two pins, one every <step>. */
static int cmd_quad(vb_commands *c, char **w, int nw, char *err, size_t errlen) {
    int a, b;
    uint64_t step, start;
    int32_t moves[VB_MAX_MOVES];
    uint32_t n = 0;
    if (want_args(w[0], nw, 4, 6, "quad D2 D3 <step> <+n>,<-n>,... [at <time>]", err, errlen) ||
        digital_pin(c, w[1], &a, err, errlen) || digital_pin(c, w[2], &b, err, errlen) ||
        vb_parse_duration(c->core, w[3], &step, err, errlen))
        return -1;
    if (a == b) {
        snprintf(err, errlen, "quad needs two different pins");
        return -1;
    }
    if (step < 1) {
        snprintf(err, errlen, "step %s is shorter than one cycle", w[3]);
        return -1;
    }
    char list[256];
    snprintf(list, sizeof list, "%s", w[4]);
    for (char *save, *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        char *end;
        errno = 0;
        long v = strtol(tok, &end, 10);
        if (*end || end == tok || errno || v == 0 || v > 1000000000L || v < -1000000000L) {
            snprintf(err, errlen, "bad run '%s' (want e.g. +8 or -3)", tok);
            return -1;
        }
        if (n == VB_MAX_MOVES) {
            snprintf(err, errlen, "a quad takes at most %d runs", VB_MAX_MOVES);
            return -1;
        }
        moves[n++] = (int32_t)v;
    }
    if (parse_at(c, w, nw, 5, &start, err, errlen)) return -1;
    return vb_drive_quad(c->core, a, b, start, step, moves, n, err, (unsigned)errlen);
}

/* `hcsr04 D7 D2 <mm>|off [delay]`: the trigger output D7 (firmware side), the echo input D2. */
static int cmd_hcsr04(vb_commands *c, char **w, int nw, char *err, size_t errlen) {
    int trig, echo;
    uint64_t delay = vb_core_us_to_cycles(c->core, VB_SONAR_DELAY_US);
    if (nw == 2 && !strcmp(w[1], "remove")) {
        vb_drive_sonar(c->core, 0, 0, 0, 0, 0);
        return 0;
    }
    if (want_args(w[0], nw, 3, 4, "hcsr04 <trig> <echo> <mm>|off [<delay>] | hcsr04 remove", err, errlen) ||
        digital_pin(c, w[1], &trig, err, errlen) || digital_pin(c, w[2], &echo, err, errlen))
        return -1;
    if (trig == echo) {
        snprintf(err, errlen, "hcsr04 needs two different pins");
        return -1;
    }
    uint64_t width = 0;
    if (strcmp(w[3], "off")) {
        char *end;
        errno = 0;
        unsigned long mm = strtoul(w[3], &end, 10);
        if (*end || end == w[3] || errno || mm < 1 || mm > 10000 || w[3][0] == '-') {
            snprintf(err, errlen, "bad distance '%s' (want 1..10000 mm, or off)", w[3]);
            return -1;
        }
        /* Round trip 2*mm at VB_SONAR_SPEED_MM_S, in cycles, rounded to the nearest cycle. */
        width = (uint64_t)((2.0 * (double)mm / VB_SONAR_SPEED_MM_S) * (double)c->core->avr->frequency + 0.5);
    }
    if (nw == 5 && vb_parse_duration(c->core, w[4], &delay, err, errlen)) return -1;
    vb_drive_sonar(c->core, 1, trig, echo, width, delay);
    return 0;
}

static int execute(vb_commands *c, char **w, int nw, const char *line, char *err, size_t errlen) {
    vb_core *core = c->core;
    const char *cmd = w[0];
    int pin, pin2, level;
    uint64_t cycles;

    if (!strcmp(cmd, "set")) {
        if (want_args(cmd, nw, 2, 2, "set D2 1", err, errlen) || digital_pin(c, w[1], &pin, err, errlen)) return -1;
        if (parse_level(w[2], &level)) {
            snprintf(err, errlen, "bad level '%s' (want 0, 1, low or high)", w[2]);
            return -1;
        }
        vb_drive_set(core, pin, level);
        return 0;
    }
    if (!strcmp(cmd, "pulse")) {
        if (want_args(cmd, nw, 2, 2, "pulse D2 100us", err, errlen) || digital_pin(c, w[1], &pin, err, errlen) ||
            vb_parse_duration(core, w[2], &cycles, err, errlen))
            return -1;
        if (cycles < 1) {
            snprintf(err, errlen, "pulse width %s is shorter than one cycle", w[2]);
            return -1;
        }
        return vb_drive_wave(core, "pulse", pin, vb_core_now(core), 2 * cycles, 2, err, (unsigned)errlen);
    }
    if (!strcmp(cmd, "wave")) {
        if (want_args(cmd, nw, 3, 5, "wave D2 <period> <edges> [at <time>]", err, errlen) ||
            digital_pin(c, w[1], &pin, err, errlen) || vb_parse_duration(core, w[2], &cycles, err, errlen))
            return -1;
        char *end;
        errno = 0;
        unsigned long count = strtoul(w[3], &end, 10);
        if (*end || end == w[3] || errno || count < 1 || count > 4000000000UL || w[3][0] == '-') {
            snprintf(err, errlen, "bad edge count '%s' (want 1..4000000000)", w[3]);
            return -1;
        }
        if (cycles < 2) {
            snprintf(err, errlen, "period %s is shorter than two cycles", w[2]);
            return -1;
        }
        uint64_t start = vb_core_now(core);
        if (nw == 6 || nw == 5) {
            uint64_t at;
            if (nw != 6 || strcmp(w[4], "at")) {
                snprintf(err, errlen, "expected 'at <time>' after the edge count");
                return -1;
            }
            if (vb_parse_duration(core, w[5], &at, err, errlen)) return -1;
            if (at < start) {
                snprintf(err, errlen, "at %s is in the past (now is %.0fus)", w[5], vb_core_cycles_to_us(core, start));
                return -1;
            }
            start = at;
        }
        return vb_drive_wave(core, "wave", pin, start, cycles, (uint32_t)count, err, (unsigned)errlen);
    }
    if (!strcmp(cmd, "pattern")) return cmd_pattern(c, w, nw, err, errlen);
    if (!strcmp(cmd, "quad")) return cmd_quad(c, w, nw, err, errlen);
    if (!strcmp(cmd, "hcsr04")) return cmd_hcsr04(c, w, nw, err, errlen);
    if (!strcmp(cmd, "adc")) {
        if (want_args(cmd, nw, 2, 2, "adc A0 2500", err, errlen)) return -1;
        vb_pin p;
        if (vb_pin_parse(core->pins, w[1], &p, err, errlen)) return -1;
        if (p.adc < 0) {
            snprintf(err, errlen, "%s has no ADC channel (%s has A0-A%d)", w[1], core->board_label,
                     core->pins->n_analog - 1);
            return -1;
        }
        char *end;
        double mv = strtod(w[2], &end);
        if (end == w[2] || (*end && strcasecmp(end, "mv")) || mv < 0 || mv > 6000) {
            snprintf(err, errlen, "bad voltage '%s' (want millivolts, 0..6000)", w[2]);
            return -1;
        }
        vb_drive_adc(core, p.adc, (uint32_t)(mv + 0.5));
        return 0;
    }
    if (!strcmp(cmd, "link") || !strcmp(cmd, "unlink")) {
        if (want_args(cmd, nw, 2, 2, "link D13 D2", err, errlen) || digital_pin(c, w[1], &pin, err, errlen) ||
            digital_pin(c, w[2], &pin2, err, errlen))
            return -1;
        if (cmd[0] == 'l') return vb_drive_link(core, pin, pin2, err, (unsigned)errlen);
        if (vb_drive_unlink(core, pin, pin2)) {
            snprintf(err, errlen, "%s is not linked to %s", w[1], w[2]);
            return -1;
        }
        return 0;
    }
    if (!strcmp(cmd, "watch") || !strcmp(cmd, "unwatch")) {
        if (want_args(cmd, nw, 1, 1, "watch D13", err, errlen) || digital_pin(c, w[1], &pin, err, errlen)) return -1;
        vb_drive_watch(core, pin, cmd[0] == 'w');
        return 0;
    }
    if (!strcmp(cmd, "widths")) {
        if (want_args(cmd, nw, 1, 1, "widths D9", err, errlen) || digital_pin(c, w[1], &pin, err, errlen)) return -1;
        vb_drive_widths(core, pin);
        return 0;
    }
    if (!strcmp(cmd, "get")) {
        if (want_args(cmd, nw, 1, 1, "get D13", err, errlen) || digital_pin(c, w[1], &pin, err, errlen)) return -1;
        int out = vb_drive_output(core, pin), drv = vb_drive_level(core, pin);
        char name[8];
        vb_pin p;
        vb_pin_at(core->pins, pin, &p);
        vb_pin_name(&p, name, sizeof name);
        if (out >= 0)
            vb_core_emitf(core, "LEVEL %s output %d", name, out);
        else if (drv >= 0)
            vb_core_emitf(core, "LEVEL %s input %d", name, drv);
        else
            vb_core_emitf(core, "LEVEL %s input undriven", name);
        return 0;
    }
    if (!strcmp(cmd, "inject") || !strcmp(cmd, "rx")) {
        if (nw < 2) {
            snprintf(err, errlen, "%s needs hex bytes (usage: %s 00 ff 12)", cmd, cmd);
            return -1;
        }
        uint8_t bytes[1024];
        size_t n;
        const char *hex = strstr(line, cmd) + strlen(cmd);
        if (vb_parse_hex(hex, bytes, sizeof bytes, &n, err, errlen)) return -1;
        if (cmd[0] == 'i') {
            if (c->inject) c->inject(c->ctx, bytes, n);
        } else if (vb_uart_send_to_board(core, bytes, (unsigned)n) < n) {
            snprintf(err, errlen, "the board's receive queue is full; %zu bytes dropped", n);
            return -1;
        }
        return 0;
    }
    if (!strcmp(cmd, "reset")) {
        if (want_args(cmd, nw, 0, 0, "reset", err, errlen)) return -1;
        vb_core_request_reset(core);
        return 0;
    }
    if (!strcmp(cmd, "stats")) {
        if (want_args(cmd, nw, 0, 0, "stats", err, errlen)) return -1;
        print_stats(c);
        return 0;
    }
    if (!strcmp(cmd, "time")) {
        if (want_args(cmd, nw, 0, 0, "time", err, errlen)) return -1;
        uint64_t now = vb_core_now(core);
        char wall[64] = "";
        if (core->wall_fields) core->wall_fields(core->ctx, wall, sizeof wall);
        vb_core_emitf(core, "TIME %llu %.3fus%s", (unsigned long long)now, vb_core_cycles_to_us(core, now), wall);
        return 0;
    }
    if (!strcmp(cmd, "sleep")) {
        if (want_args(cmd, nw, 1, 1, "sleep 2ms", err, errlen) || vb_parse_duration(core, w[1], &cycles, err, errlen))
            return -1;
        c->sleep_until = vb_core_now(core) + (cycles ? cycles : 1);
        snprintf(c->sleep_line, sizeof c->sleep_line, "%s", line);
        return 1;
    }
    if (!strcmp(cmd, "quit") || !strcmp(cmd, "exit")) {
        c->quit = 1;
        return 0;
    }
    if (!strcmp(cmd, "help")) {
        vb_core_emitf(core, "HELP set pulse wave pattern quad hcsr04 adc link unlink watch unwatch widths get inject rx reset stats time sleep quit "
                            "(see native/vboard/README.md)");
        return 0;
    }
    if (c->extra) {
        int r = c->extra(c->ctx, w, nw, err, errlen);
        if (r != -2) return r;
    }
    snprintf(err, errlen, "unknown command '%s' (try help)", cmd);
    return -1;
}

void vb_commands_run(vb_commands *c, const char *raw) {
    c->line_no++;
    char line[1200];
    snprintf(line, sizeof line, "%s", raw);
    char *hash = strchr(line, '#');
    if (hash) *hash = 0;
    size_t len = strlen(line);
    while (len && isspace((unsigned char)line[len - 1])) line[--len] = 0;
    char *start = line;
    while (isspace((unsigned char)*start)) start++;
    if (!*start) return;
    char copy[1200];
    snprintf(copy, sizeof copy, "%s", start);
    char *w[MAX_WORDS + 1] = {0};
    int nw = 0;
    for (char *tok = strtok(copy, " \t"); tok; tok = strtok(NULL, " \t")) {
        if (nw == MAX_WORDS) break;
        w[nw++] = tok;
    }
    char err[256] = "";
    int r;
    if (nw == MAX_WORDS && strcmp(w[0], "inject") && strcmp(w[0], "rx")) {
        snprintf(err, sizeof err, "too many words");
        r = -1;
    } else {
        r = execute(c, w, nw, start, err, sizeof err);
    }
    if (r < 0)
        vb_core_emitf(c->core, "ERR line %u: %s", c->line_no, err);
    else if (r == 0)
        vb_core_emitf(c->core, "OK %s", start);
}
