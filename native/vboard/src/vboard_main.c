/*
 * vboard: the real firmware on a simulated board, its UART0 on a pseudo-terminal, its pins
 * driven by commands on stdin. The command language is in native/vboard/README.md.
 *
 * Pacing: by default simulated time follows the wall clock. The I/O tick (a cycle timer
 * every --tick-us of simulated time) compares the two and, when the simulation is ahead,
 * waits in ppoll() on stdin and the pty, so input is taken as soon as it arrives instead of
 * at the end of a sleep. Trade-off: input enters the simulation only at a tick, so a
 * command or a host byte takes effect up to one tick (100 us by default) of simulated time
 * late; shorter ticks cost more system calls. A simulation that fell behind (it woke late)
 * takes no input until it has caught up (input_due), so the board's clock, as a host sees it,
 * does not lag at the moments the host talks to it. --free-run drops the pacing (as fast as
 * the CPU allows; for benchmarks and scripted tests that use `sleep`).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "board_config.h"
#include "bootloader.h"
#include "commands.h"
#include "core.h"
#include "i2c_devices.h"
#include "pty_link.h"

typedef struct vboard {
    vb_core core;
    vb_commands cmds;
    vb_pty pty;
    vb_boot boot;            /* --bootloader: Optiboot in the boot section (bootloader.h) */
    vb_i2c_bus i2c;          /* --i2c / `i2c`: devices on the TWI (i2c_devices.h) */
    int sda_pin;             /* the TWI's SDA as an Arduino pin number, for the stuck device */
    FILE *events;            /* the real stdout; fd 1 itself is pointed at stderr */
    int free_run;
    int reset_on_open;       /* like an Uno whose DTR line resets it when a host opens the port */
    uint32_t tick_us;
    uint64_t tick_cycles;
    double pace_slack_us;    /* how far simulated time may run ahead of the wall clock */
    char in[65536];          /* stdin bytes not yet forming a whole line */
    size_t in_len;
    int stdin_eof;
    int quit;
    uint64_t pace_cycle;     /* core time and wall time that correspond */
    double pace_wall_us;
    double input_held_since_us; /* input held back while the simulation catches up (0: none) */
    double start_wall_us;
} vboard;

static double wall_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}


/* The present cycle's wall-clock time, and the one the pacing line gives it (see core.h). */
static void wall_fields(void *ctx, char *buf, size_t len) {
    vboard *vb = ctx;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    unsigned long long wall = (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
    if (vb->free_run) {
        snprintf(buf, len, " wall=%llu", wall);
        return;
    }
    double paced_us = vb->pace_wall_us + vb_core_cycles_to_us(&vb->core, vb_core_now(&vb->core) - vb->pace_cycle);
    snprintf(buf, len, " wall=%llu paced=%llu", wall, (unsigned long long)llround(paced_us * 1e3));
}

static void emit(void *ctx, const char *line) {
    vboard *vb = ctx;
    if (fprintf(vb->events, "%s\n", line) < 0 || fflush(vb->events) != 0) vb->quit = 1; /* nobody listens */
}

static void on_tx(void *ctx, uint8_t byte, uint64_t cycle) {
    (void)cycle;
    vboard *vb = ctx;
    vb_pty_queue(&vb->pty, &byte, 1);
}

static void inject(void *ctx, const uint8_t *bytes, size_t n) {
    vboard *vb = ctx;
    vb_pty_queue(&vb->pty, bytes, n);
}

static void stats_extra(void *ctx, char *buf, size_t len) {
    vboard *vb = ctx;
    double wall = wall_us() - vb->start_wall_us;
    snprintf(buf, len, "speed=%.3f host=%s pty_to_host=%llu pty_from_host=%llu pty_queued=%zu pty_dropped=%llu",
             wall > 0 ? vb_core_cycles_to_us(&vb->core, vb_core_now(&vb->core)) / wall : 0.0,
             vb->pty.connected ? "connected" : "waiting", (unsigned long long)vb->pty.to_host,
             (unsigned long long)vb->pty.from_host, vb->pty.out.len, (unsigned long long)vb->pty.out.dropped);
}

/* Takes whole lines from the stdin buffer while no `sleep` holds them back. */
static void run_lines(vboard *vb) {
    size_t start = 0;
    while (!vb->cmds.quit && !vb_commands_busy(&vb->cmds)) {
        char *nl = memchr(vb->in + start, '\n', vb->in_len - start);
        if (!nl) {
            if (vb->stdin_eof && start < vb->in_len) { /* a last line without newline */
                vb->in[vb->in_len] = 0;
                vb_commands_run(&vb->cmds, vb->in + start);
                start = vb->in_len;
            }
            break;
        }
        *nl = 0;
        vb_commands_run(&vb->cmds, vb->in + start);
        start = (size_t)(nl - vb->in) + 1;
    }
    memmove(vb->in, vb->in + start, vb->in_len - start);
    vb->in_len -= start;
    if (vb->cmds.quit || (vb->stdin_eof && vb->in_len == 0 && !vb_commands_busy(&vb->cmds))) vb->quit = 1;
}

static size_t stdin_room(const vboard *vb) { return sizeof vb->in - 1 - vb->in_len; }
static size_t uart_room(const vboard *vb) { return vb->core.uart.to_board.cap - vb->core.uart.to_board.len; }

/* The descriptors worth waiting on: only those whose data there is room to take, or a wait
 * would return at once, forever, while the simulation stands still. Returns the count. */
static int wait_set(const vboard *vb, struct pollfd pf[2]) {
    int n = 0;
    if (!vb->stdin_eof && stdin_room(vb)) pf[n++] = (struct pollfd){.fd = 0, .events = POLLIN};
    /* POLLHUP on a pty with no host would end any wait at once: wait on it only when connected. */
    if (vb->pty.connected && uart_room(vb)) pf[n++] = (struct pollfd){.fd = vb->pty.master, .events = POLLIN};
    return n;
}

/* Lines from stdin, and the commands among them that may run now. */
static void take_stdin(vboard *vb) {
    vb_core *core = &vb->core;
    if (!stdin_room(vb) && !memchr(vb->in, '\n', vb->in_len)) {
        vb_core_emitf(core, "ERR line %u: line longer than %zu bytes, dropped", vb->cmds.line_no + 1, sizeof vb->in - 1);
        vb->cmds.line_no++;
        vb->in_len = 0;
    }
    /* With the buffer full of lines held back by a `sleep`, the rest waits in the pipe. */
    if (!vb->stdin_eof && stdin_room(vb)) {
        struct pollfd pf = {.fd = 0, .events = POLLIN};
        if (poll(&pf, 1, 0) > 0) {
            ssize_t r = read(0, vb->in + vb->in_len, stdin_room(vb));
            if (r > 0)
                vb->in_len += (size_t)r;
            else if (r == 0 || (errno != EINTR && errno != EAGAIN))
                vb->stdin_eof = 1;
        }
    }
    run_lines(vb);
}

/* How far simulated time is ahead of its pacing line (negative: behind). */
static double ahead_us(const vboard *vb) {
    return vb_core_cycles_to_us(&vb->core, vb_core_now(&vb->core) - vb->pace_cycle) - (wall_us() - vb->pace_wall_us);
}

/* Whether input (host bytes, stdin lines) may enter the simulation now. A simulation that woke
 * late (the machine ran something else) is behind its line; input taken then would meet a clock
 * that reads early, and the host's clock sync, whose samples are exactly such moments, would see
 * the board's clock lag by however late the wake was (hundreds of µs on a loaded machine, while
 * the edges it times fall at quiet moments). So input waits until the simulation is back within
 * a tick of its line, as a real board's crystal never lags; it is delayed (a longer wire), never
 * reordered. At most 2 ms: a machine too slow to catch up at all still gets its input through. */
static int input_due(vboard *vb) {
    if (vb->free_run || ahead_us(vb) >= -(double)vb->tick_us) {
        vb->input_held_since_us = 0;
        return 1;
    }
    double now = wall_us();
    if (vb->input_held_since_us == 0) vb->input_held_since_us = now;
    if (now - vb->input_held_since_us < 2000) return 0;
    vb->input_held_since_us = 0;
    return 1;
}

/* All outside I/O, without waiting: stdin, the pty, the UART pump. Input only when take_input
 * (see input_due); the board's output always goes out. */
static void service(vboard *vb, int take_input) {
    vb_core *core = &vb->core;
    if (take_input) take_stdin(vb);
    uint8_t buf[512];
    size_t room = take_input ? uart_room(vb) : 0, n;
    int change = vb_pty_service(&vb->pty, buf, room < sizeof buf ? room : sizeof buf, &n);
    if (change) vb_core_emitf(core, "HOST %s @%llu", change > 0 ? "connected" : "disconnected",
                              (unsigned long long)vb_core_now(core));
    if (change > 0 && vb->reset_on_open) {
        vb_bq_clear(&vb->pty.out); /* the reset wipes what the board had not sent yet */
        vb_core_request_reset(core);
    }
    if (n) vb_uart_send_to_board(core, buf, (unsigned)n);
    vb_uart_pump(core);
}

/* Waits while the simulation is ahead of the wall clock, waking early for input. */
static void pace(vboard *vb) {
    for (;;) {
        double ahead = ahead_us(vb);
        if (ahead < -200000) { /* far behind (a loaded machine, a long halt): do not race to catch up */
            vb->pace_cycle = vb_core_now(&vb->core);
            vb->pace_wall_us = wall_us();
            return;
        }
        /* Up to the slack ahead is fine; smaller slack costs more (shorter) waits. The slack is how
         * far the board's time may lead the wall clock: what a host's clock sync cannot see past. */
        if (ahead < vb->pace_slack_us || vb->quit) return;
        struct pollfd pf[2];
        struct timespec ts = {.tv_sec = (time_t)(ahead / 1e6), .tv_nsec = (long)((ahead - (double)(time_t)(ahead / 1e6) * 1e6) * 1e3)};
        int r = ppoll(pf, (nfds_t)wait_set(vb, pf), &ts, NULL);
        if (r <= 0) return;
        if (!input_due(vb)) return; /* woke late: catch up first, the next tick takes the input */
        service(vb, 1);
    }
}

static avr_cycle_count_t io_tick(avr_t *avr, avr_cycle_count_t when, void *param) {
    (void)avr;
    vboard *vb = param;
    service(vb, input_due(vb));
    if (!vb->free_run) pace(vb);
    return when + vb->tick_cycles;
}

static void arm_tick(vb_core *core) {
    vboard *vb = core->ctx;
    vb_boot_after_reset(&vb->boot, core);
    avr_cycle_timer_register(core->avr, vb->tick_cycles, io_tick, vb);
}

/* The stuck device drives SDA as the pin commands do (pin_drive.h): 0 low, 1 the pull-up. */
static void drive_sda(void *ctx, int level) {
    vboard *vb = ctx;
    vb_drive_set(&vb->core, vb->sda_pin, level);
}

static void emit_line(void *ctx, const char *s) { vb_core_emitf(ctx, "%s", s); }

/* Adds an I2C device (i2c_devices.h), wiring the bus to the TWI the first time. */
static int i2c_add(vboard *vb, const char *spec, char *err, size_t errlen) {
    if (!vb->i2c.attached) {
        vb_pin sda;
        if (vb_pin_parse(vb->core.pins, strstr(vb->core.pins->mcu, "2560") ? "D20" : "A4", &sda, err, errlen) != 0) return -1;
        vb->sda_pin = sda.number;
        vb->i2c.drive_sda = drive_sda;
        vb->i2c.ctx = vb;
        if (vb_i2c_attach(&vb->i2c, vb->core.avr, err, errlen) != 0) return -1;
    }
    return vb_i2c_add(&vb->i2c, spec, err, errlen);
}

/* Commands of this front end: `dump-flash FILE` writes simavr's flash (what a bootloader wrote);
 * `i2c add SPEC`, `i2c stuck N` (SDA held until N SCL pulses, 0 forever), `i2c free`, `i2c`
 * (one I2C line per device and the bus). */
static int extra_command(void *ctx, char **w, int nw, char *err, size_t errlen) {
    vboard *vb = ctx;
    if (!strcmp(w[0], "i2c")) {
        if (nw == 1) {
            vb_i2c_describe(&vb->i2c, emit_line, &vb->core);
            return 0;
        }
        if (nw == 3 && !strcmp(w[1], "add")) return i2c_add(vb, w[2], err, errlen);
        if (nw == 3 && !strcmp(w[1], "stuck")) {
            char spec[32];
            snprintf(spec, sizeof spec, "stuck:%s", w[2]);
            return i2c_add(vb, spec, err, errlen);
        }
        if (nw == 2 && !strcmp(w[1], "free") && vb->i2c.attached) {
            vb_i2c_set_stuck(&vb->i2c, -1);
            return 0;
        }
        snprintf(err, errlen, "i2c: want `i2c`, `i2c add eeprom|bmp280|nak[@ADDR]`, `i2c stuck N` or `i2c free`");
        return -1;
    }
    if (strcmp(w[0], "dump-flash")) return -2;
    if (nw != 2) {
        snprintf(err, errlen, "dump-flash takes one file name (usage: dump-flash /tmp/flash.bin)");
        return -1;
    }
    return vb_flash_dump(&vb->core, w[1], err, errlen);
}

static void usage(FILE *f) {
    fprintf(f,
            "usage: vboard [options] FIRMWARE.elf\n"
            "  --mcu NAME            atmega328p or atmega2560 (default: the ELF's .mmcu section, the board config, atmega328p)\n"
            "  --freq HZ             CPU clock (default: the ELF, the board config, 16000000)\n"
            "  --board-config FILE   board-configs/<board>.conf: board name, mcu, f_cpu\n"
            "  --free-run            do not pace simulated time to the wall clock\n"
            "  --tick-us N           how often stdin and the pty are looked at, in simulated us (default 100)\n"
            "  --pace-slack-us N     how far simulated time may run ahead of the wall clock (default 100)\n"
            "  --reset-on-open       reset the MCU whenever a host opens the pty (an Uno's DTR auto-reset)\n"
            "  --bootloader HEX      load a bootloader (Intel hex) above the firmware and start it on every\n"
            "                        reset, with EXTRF set when the host opens the pty (implies --reset-on-open)\n"
            "  --simavr-uart-timing  keep simavr's 11 bits per byte instead of real 8N1 timing\n"
            "  --i2c SPEC            an I2C device on the TWI (repeatable): eeprom[@ADDR] (24C32, 0x50),\n"
            "                        bmp280[@ADDR] (0x76), nak[@ADDR] (0x30), stuck[:N] (SDA held low until\n"
            "                        N SCL pulses; 0 never)\n"
            "  -v, --verbose         simavr's warnings on stderr (twice: traces)\n"
            "Prints 'PTY <path>' then 'READY ...' on stdout, then reads commands on stdin (see native/vboard/README.md).\n");
}

int main(int argc, char **argv) {
    static vboard vb;
    vb.pace_slack_us = 100;
    vb_core_options opt = {0};
    vb_board_config bc;
    const char *config = NULL;
    char err[512];
    unsigned long tick = 100;
    int simavr_timing = 0;
    static const struct option longs[] = {
        {"mcu", required_argument, 0, 'm'},      {"freq", required_argument, 0, 'f'},
        {"board-config", required_argument, 0, 'b'}, {"free-run", no_argument, 0, 'r'},
        {"tick-us", required_argument, 0, 't'},  {"verbose", no_argument, 0, 'v'},
        {"reset-on-open", no_argument, 0, 'o'},  {"simavr-uart-timing", no_argument, 0, 'u'},
        {"bootloader", required_argument, 0, 'B'}, {"pace-slack-us", required_argument, 0, 's'},
        {"i2c", required_argument, 0, 'I'},      {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *i2c_specs[VB_I2C_MAX_DEVS + 1];
    int n_i2c = 0;
    const char *bootloader = NULL;
    int o;
    while ((o = getopt_long(argc, argv, "vh", longs, NULL)) != -1) {
        char *end;
        switch (o) {
        case 'm': opt.mcu = optarg; break;
        case 'f':
            opt.freq = (uint32_t)strtoul(optarg, &end, 10);
            if (*end || opt.freq < 1000 || opt.freq > 100000000) {
                fprintf(stderr, "vboard: --freq %s: want a clock in Hz, e.g. 16000000\n", optarg);
                return 2;
            }
            break;
        case 'b': config = optarg; break;
        case 'r': vb.free_run = 1; break;
        case 'o': vb.reset_on_open = 1; break;
        case 'B': bootloader = optarg; vb.reset_on_open = 1; break;
        case 'u': simavr_timing = 1; break;
        case 'I':
            if (n_i2c == VB_I2C_MAX_DEVS + 1) {
                fprintf(stderr, "vboard: --i2c %s: at most %d devices and a stuck line\n", optarg, VB_I2C_MAX_DEVS);
                return 2;
            }
            i2c_specs[n_i2c++] = optarg;
            break;
        case 't':
            tick = strtoul(optarg, &end, 10);
            if (*end || tick < 1 || tick > 100000) {
                fprintf(stderr, "vboard: --tick-us %s: want 1..100000\n", optarg);
                return 2;
            }
            break;
        case 's': {
            unsigned long slack = strtoul(optarg, &end, 10);
            if (*end || slack < 1 || slack > 1000000) {
                fprintf(stderr, "vboard: --pace-slack-us %s: want 1..1000000\n", optarg);
                return 2;
            }
            vb.pace_slack_us = (double)slack;
            break;
        }
        case 'v': opt.verbose++; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "vboard: %s\n", optind >= argc ? "no firmware ELF given" : "more than one firmware ELF given");
        usage(stderr);
        return 2;
    }
    opt.elf_path = argv[optind];
    if (config) {
        if (vb_board_config_read(config, &bc, err, sizeof err) != 0) {
            fprintf(stderr, "vboard: %s\n", err);
            return 2;
        }
        if (bc.mcu[0]) opt.mcu_default = bc.mcu;
        if (bc.f_cpu) opt.freq_default = bc.f_cpu;
        if (bc.board[0]) opt.board_label = bc.board;
    }

    /* Event lines own stdout; anything else that prints (libsimavr does) goes to stderr. */
    int out = dup(1);
    vb.events = fdopen(out, "w");
    dup2(2, 1);
    signal(SIGPIPE, SIG_IGN);

    vb_core *core = &vb.core;
    if (vb_core_load(core, &opt, err, sizeof err) != 0) {
        fprintf(stderr, "vboard: %s\n", err);
        return 2;
    }
    if (bootloader && vb_boot_load(&vb.boot, core, bootloader, err, sizeof err) != 0) {
        fprintf(stderr, "vboard: %s\n", err);
        return 2;
    }
    if (vb_pty_open(&vb.pty, err, sizeof err) != 0) {
        fprintf(stderr, "vboard: %s\n", err);
        return 2;
    }
    if (!simavr_timing) vb_uart_true_timing(core);
    core->ctx = &vb;
    core->emit = emit;
    core->wall_fields = wall_fields;
    core->after_reset = arm_tick;
    core->uart.on_tx = on_tx;
    vb_commands_init(&vb.cmds, core);
    vb.cmds.ctx = &vb;
    vb.cmds.inject = inject;
    vb.cmds.stats_extra = stats_extra;
    vb.cmds.extra = extra_command;
    for (int i = 0; i < n_i2c; i++)
        if (i2c_add(&vb, i2c_specs[i], err, sizeof err) != 0) {
            fprintf(stderr, "vboard: --i2c: %s\n", err);
            return 2;
        }
    vb.tick_us = (uint32_t)tick;
    vb.tick_cycles = vb_core_us_to_cycles(core, tick);
    if (!vb.tick_cycles) vb.tick_cycles = 1;

    vb_core_emitf(core, "PTY %s", vb.pty.path);
    vb_core_emitf(core, "READY board=%s mcu=%s freq=%u mode=%s elf=%s", core->board_label, core->pins->mcu,
                  core->avr->frequency, vb.free_run ? "free-run" : "paced", opt.elf_path);
    if (vb.boot.loaded)
        vb_core_emitf(core, "BOOTLOADER 0x%x-0x%x %s", vb.boot.start, vb.boot.end - 1, bootloader);
    arm_tick(core);
    vb.pace_cycle = vb_core_now(core);
    vb.pace_wall_us = vb.start_wall_us = wall_us();

    while (!vb.quit) {
        vb_core_step(core);
        if (!vb_core_halted(core)) continue;
        if (!core->halted_reported) {
            core->halted_reported = 1;
            vb_core_emitf(core, "HALTED %s @%llu (send reset)", core->avr->state == cpu_Crashed ? "crashed" : "stopped",
                          (unsigned long long)vb_core_now(core));
        }
        /* Nothing runs, so no tick fires: serve input here until a reset or quit. */
        struct pollfd pf[2];
        poll(pf, (nfds_t)wait_set(&vb, pf), 50);
        service(&vb, 1);
        vb.pace_cycle = vb_core_now(core);
        vb.pace_wall_us = wall_us();
    }
    /* Last board bytes out to a connected host before leaving. */
    size_t n;
    uint8_t scratch[1];
    vb_pty_service(&vb.pty, scratch, 0, &n);
    vb_pty_service(&vb.pty, scratch, 0, &n); /* the first may only notice a host */
    vb_core_emitf(core, "BYE @%llu", (unsigned long long)vb_core_now(core));
    vb_pty_close(&vb.pty);
    vb_core_free(core);
    return 0;
}
