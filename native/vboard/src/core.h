/*
 * core: one simulated board (libsimavr) shared by the two front ends, the interactive
 * vboard (pty + stdin commands) and the firmware benchmark.
 *
 * Threading: simavr is not thread-safe, so nothing here takes a lock; everything runs in
 * the one thread that calls vb_core_step(), and all outside I/O happens from cycle timers
 * that the front end registers (see vb_core.after_reset). avr_reset() crashes when called
 * inside a cycle timer, so a reset is only requested there and done by vb_core_step().
 *
 * Resets: a reset drops every simavr cycle timer, the front end's I/O tick included. The
 * firmware's watchdog resets the MCU inside simavr, unasked; so the core wraps the MCU's
 * reset hook to notice every reset, and after each one puts back what the outside world
 * keeps (driven levels, the I/O tick) and reports it ("RESET @c", "RESET watchdog @c").
 *
 * Time: vb_core_now() is the count of simulated cycles since the program started; it keeps
 * counting across resets (simavr's own counter may restart), so timestamps in event lines
 * never go backwards.
 */
#ifndef VB_CORE_H
#define VB_CORE_H

#include <simavr/sim_avr.h>
#include <simavr/sim_elf.h>
#include <stdint.h>

#include "pin_drive.h"
#include "pinmap.h"
#include "uart_bridge.h"

typedef struct vb_core_options {
    const char *elf_path;
    const char *mcu;         /* forced MCU; NULL: the ELF's .mmcu section, else mcu_default */
    const char *mcu_default; /* NULL: atmega328p */
    uint32_t freq;           /* forced clock; 0: the ELF's .mmcu section, else freq_default */
    uint32_t freq_default;   /* 0: 16 MHz */
    const char *board_label; /* NULL: derived from the MCU ("uno", "mega2560") */
    int verbose;             /* pass simavr's warnings (1) and traces (2) to stderr */
} vb_core_options;

typedef struct vb_core {
    avr_t *avr;
    elf_firmware_t fw;
    const vb_pinmap *pins;
    char board_label[32];
    uint64_t cycle_base;    /* simulated cycles lost from simavr's counter by resets */
    uint64_t asleep_cycles; /* cycles the CPU spent in SLEEP */
    uint64_t resets;          /* all resets after the first boot */
    uint64_t watchdog_resets; /* the ones the firmware's watchdog caused */
    int reset_pending;      /* a reset asked for inside a cycle timer, done between instructions */
    int reset_seen;         /* simavr reset the MCU (set by the wrapped reset hook) */
    void (*mcu_reset)(avr_t *avr); /* the MCU's own reset hook, called first */
    int halted_reported;    /* the HALTED line for the current crash has been printed */
    vb_uart_bridge uart;
    vb_pin_drive drive;
    /* Front-end hooks, all called in the simulation thread. */
    void *ctx;
    void (*emit)(void *ctx, const char *line);   /* an event line for whoever watches */
    void (*after_reset)(struct vb_core *core);   /* re-register cycle timers: a reset cancels them */
    /* Writes " wall=<ns>[ paced=<ns>]" for the present cycle: wall is CLOCK_MONOTONIC (the host's
     * System.nanoTime) read while the simulation stands at vb_core_now(), the moment it really
     * lived that cycle; paced is the time the pacing meant for it (its straight line from the
     * last anchor; absent when free-running). NULL where there is no wall clock (the benchmark):
     * then DONE and TIME lines carry neither field. */
    void (*wall_fields)(void *ctx, char *buf, size_t len);
} vb_core;

/* Loads the ELF and builds the board. Returns 0, or -1 with a one-line reason in err. */
int vb_core_load(vb_core *core, const vb_core_options *opt, char *err, size_t errlen);
void vb_core_free(vb_core *core);

/* Runs one instruction (or one stretch of sleep), then a pending reset. Returns simavr's state. */
int vb_core_step(vb_core *core);
/* True when the firmware stopped for good (crash, sleep with interrupts off): only a reset helps. */
int vb_core_halted(const vb_core *core);
/* Asks for a reset at the next instruction boundary (safe inside cycle timers). */
void vb_core_request_reset(vb_core *core);

uint64_t vb_core_now(const vb_core *core);
uint64_t vb_core_us_to_cycles(const vb_core *core, double us);
double vb_core_cycles_to_us(const vb_core *core, uint64_t cycles);
/* Core time of a simavr absolute cycle (as passed to cycle timers). */
uint64_t vb_core_time_of(const vb_core *core, avr_cycle_count_t avr_cycle);

/* printf-style event line to the front end. */
void vb_core_emitf(vb_core *core, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
