#include "core.h"
#include "adc_trigger.h"

#include <simavr/avr_extint.h>
#include <simavr/sim_core.h>
#include <simavr/sim_cycle_timers.h>
#include <simavr/sim_time.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int log_level = LOG_ERROR;
static unsigned log_lines; /* since the last reset */
#define LOG_LINES_MAX 20

/* simavr's messages go to stderr: stdout belongs to the front end's event lines. A firmware
 * that runs into garbage makes simavr log the same error forever, so the count is capped. */
static void to_stderr(avr_t *avr, const int level, const char *fmt, va_list ap) {
    (void)avr;
    if (level > log_level) return;
    if (++log_lines > LOG_LINES_MAX) {
        if (log_lines == LOG_LINES_MAX + 1) fputs("simavr: (more messages suppressed until the next reset)\n", stderr);
        return;
    }
    fputs("simavr: ", stderr);
    vfprintf(stderr, fmt, ap);
}

/* The AVR core family avr-gcc built the ELF for (e_flags & 0x7f: 5 = avr5, 6 = avr6), or -1. */
static int elf_avr_arch(const char *path) {
    unsigned char h[52];
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    size_t n = fread(h, 1, sizeof h, f);
    fclose(f);
    if (n < sizeof h || memcmp(h, "\x7f" "ELF", 4) || h[5] != 1 /* little-endian */ || (h[18] | h[19] << 8) != 83)
        return -1;
    return (int)((h[36] | h[37] << 8 | h[38] << 16 | (unsigned)h[39] << 24) & 0x7f);
}

/* The family of each supported MCU: an ELF for another family would run as garbage. */
static int mcu_arch(const char *mcu) { return strcmp(mcu, "atmega2560") == 0 ? 6 : 5; }

/* Counts sleep instead of doing it: the front end paces against the wall clock itself,
 * and the benchmark wants no pacing at all. */
static void on_sleep(avr_t *avr, avr_cycle_count_t how_long) {
    vb_core *core = avr->custom.data;
    core->asleep_cycles += how_long + 1; /* simavr adds 1 + how_long to the clock */
}

/* simavr 1.6 (Debian's libsimavr) emulates a low-level INTn by polling the pin every cycle from
 * the moment it is low while ISCn = 00, EICRA's reset value (so: any INT pin driven low before
 * the firmware arms it, or across a reset), and that poll never looks at ISCn again: after the
 * firmware chose "any change", it still raises INTFn whenever the flag reads 0, as long as the
 * pin stays low. The wakewire firmware writes EIFR = 1 << n when it arms INTn, which simavr
 * stores as it is (no write-one-to-clear), so arming a second INT cleared the first one's flag
 * and the stale poll fired it back to back: `monitor --pins D2,D3` with D2 low flooded level-0
 * D2 records and starved the board. (Fixed upstream in simavr 1.8, commit c0985c4.) The firmware
 * never uses the low-level sense, so the repeated triggering is turned off: a low level then
 * raises INTFn once, as simavr's non-strict mode documents. simavr turns it back on at every
 * reset, hence also after_reset(). */
static void level_ints_once(avr_t *avr) {
    for (uint8_t n = 0; n < 8; n++) avr_extint_set_strict_lvl_trig(avr, n, 0); /* no-op past the MCU's INTs */
}

/* Wraps the MCU's reset hook: simavr calls it from avr_reset(), whoever asked for the reset. */
static void on_mcu_reset(avr_t *avr) {
    vb_core *core = avr->custom.data;
    if (core->mcu_reset) core->mcu_reset(avr);
    core->reset_seen = 1;
}

int vb_core_load(vb_core *core, const vb_core_options *opt, char *err, size_t errlen) {
    memset(core, 0, sizeof *core);
    struct stat st;
    if (!opt->elf_path) {
        snprintf(err, errlen, "no firmware ELF given");
        return -1;
    }
    if (stat(opt->elf_path, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "firmware %s: no such file", opt->elf_path);
        return -1;
    }
    log_level = opt->verbose >= 2 ? LOG_TRACE : opt->verbose ? LOG_WARNING : LOG_ERROR;
    avr_global_logger_set(to_stderr);
    if (elf_read_firmware(opt->elf_path, &core->fw) != 0) {
        snprintf(err, errlen, "firmware %s: not an AVR ELF file simavr can read", opt->elf_path);
        return -1;
    }
    int arch = elf_avr_arch(opt->elf_path);
    if (arch < 0) {
        snprintf(err, errlen, "firmware %s: not an AVR ELF file", opt->elf_path);
        return -1;
    }
    /* Without a .mmcu section, the core family still tells an Uno build from a Mega build. */
    const char *mcu = opt->mcu ? opt->mcu : core->fw.mmcu[0] ? core->fw.mmcu
                      : opt->mcu_default ? opt->mcu_default : arch == 6 ? "atmega2560" : "atmega328p";
    if (opt->mcu && core->fw.mmcu[0] && strcmp(opt->mcu, core->fw.mmcu) != 0)
        fprintf(stderr, "vboard: warning: --mcu %s, but %s says it was built for %s\n", opt->mcu, opt->elf_path,
                core->fw.mmcu);
    core->pins = vb_pinmap_for(mcu);
    if (!core->pins) {
        snprintf(err, errlen, "MCU %s is not supported (supported: %s)", mcu, vb_pinmap_supported());
        return -1;
    }
    if (mcu_arch(core->pins->mcu) != arch) {
        snprintf(err, errlen, "firmware %s was built for the avr%d core family, but the MCU is %s (avr%d)%s",
                 opt->elf_path, arch, mcu, mcu_arch(core->pins->mcu),
                 opt->mcu || opt->mcu_default ? "" : "; pass --mcu or --board-config for the board it was built for");
        return -1;
    }
    core->avr = avr_make_mcu_by_name(mcu);
    if (!core->avr) {
        snprintf(err, errlen, "simavr does not know the MCU %s", mcu);
        return -1;
    }
    snprintf(core->board_label, sizeof core->board_label, "%s", opt->board_label ? opt->board_label : core->pins->board_label);
    avr_init(core->avr);
    core->avr->log = (uint8_t)log_level;
    if (opt->freq) core->fw.frequency = opt->freq;
    if (!core->fw.frequency) core->fw.frequency = opt->freq_default ? opt->freq_default : 16000000;
    /* An Arduino's 5 V rails, unless the ELF says otherwise; the ADC divides by them. */
    if (!core->fw.vcc) core->fw.vcc = 5000;
    if (!core->fw.avcc) core->fw.avcc = 5000;
    if (!core->fw.aref) core->fw.aref = 5000;
    avr_load_firmware(core->avr, &core->fw);
    core->avr->frequency = core->fw.frequency;
    core->avr->custom.data = core;
    core->avr->sleep = on_sleep;
    level_ints_once(core->avr);
    vb_adc_trigger_attach(core->avr);
    core->mcu_reset = core->avr->reset;
    core->avr->reset = on_mcu_reset;
    if (vb_uart_attach(core, core->pins->uart_name, err, (unsigned)errlen) != 0) return -1;
    if (vb_drive_attach(core, err, (unsigned)errlen) != 0) return -1;
    return 0;
}

void vb_core_free(vb_core *core) {
    if (core->avr) avr_terminate(core->avr);
    vb_bq_free(&core->uart.to_board);
}

uint64_t vb_core_now(const vb_core *core) { return core->cycle_base + core->avr->cycle; }

uint64_t vb_core_time_of(const vb_core *core, avr_cycle_count_t avr_cycle) { return core->cycle_base + avr_cycle; }

uint64_t vb_core_us_to_cycles(const vb_core *core, double us) {
    return (uint64_t)(us * (double)core->avr->frequency / 1e6 + 0.5);
}

double vb_core_cycles_to_us(const vb_core *core, uint64_t cycles) {
    return (double)cycles * 1e6 / (double)core->avr->frequency;
}

void vb_core_emitf(vb_core *core, const char *fmt, ...) {
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (core->emit) core->emit(core->ctx, line);
}

void vb_core_request_reset(vb_core *core) { core->reset_pending = 1; }

int vb_core_halted(const vb_core *core) {
    return core->avr->state == cpu_Done || core->avr->state == cpu_Crashed || core->avr->state == cpu_Stopped;
}

/* After any reset (asked for or the watchdog's): simavr has dropped every cycle timer. */
static void after_reset(vb_core *core, int asked) {
    core->reset_seen = 0;
    core->halted_reported = 0;
    core->resets++;
    if (!asked) core->watchdog_resets++;
    log_lines = 0;
    vb_drive_cancel_all(core, asked ? "reset" : "watchdog-reset"); /* their timers are gone already */
    vb_uart_quiet(core);
    core->uart.xoff = 0;
    level_ints_once(core->avr); /* before the pins are driven again */
    vb_drive_after_reset(core);
    if (core->after_reset) core->after_reset(core);
    vb_core_emitf(core, "RESET%s @%llu", asked ? "" : " watchdog", (unsigned long long)vb_core_now(core));
}

static void do_reset(vb_core *core) {
    avr_t *avr = core->avr;
    uint64_t before = avr->cycle;
    core->reset_pending = 0;
    vb_drive_cancel_all(core, "reset");
    avr_reset(avr);
    if (avr->cycle < before) core->cycle_base += before - avr->cycle;
    after_reset(core, 1);
}

int vb_core_step(vb_core *core) {
    int state = core->avr->state;
    if (!vb_core_halted(core)) state = avr_run(core->avr);
    if (core->reset_seen && !core->reset_pending) { /* simavr's watchdog reset the MCU */
        after_reset(core, 0);
        state = core->avr->state;
    }
    if (core->reset_pending) {
        do_reset(core);
        state = core->avr->state;
    }
    return state;
}
