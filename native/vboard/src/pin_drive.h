/*
 * pin_drive: what the outside world does to the board's pins, at exact simulated cycles.
 *
 * - A driven pin behaves like an external driver on an input: its level goes into the
 *   port's "external" state as well as onto the pin, so simavr's pull-up emulation cannot
 *   overwrite it when the firmware writes the port. Driving a pin the firmware made an
 *   output is a short circuit, as on a real board: the firmware's next write wins.
 * - A wave is `count` edges, each toggling the pin's present input level, half a period apart: edge k lands at
 *   start + k*period/2 cycles (integer cycles, no drift). A pulse is a wave of two edges.
 *   Each wave is one simavr cycle timer that re-arms itself, so edges do not depend on the
 *   wall clock or on how often the front end polls. Trade-off: simavr checks timers between
 *   instructions, so an edge lands up to one instruction (1-4 cycles) late.
 * - Outputs are seen through simavr's pin IRQs, which fire only on a change: a watched pin
 *   reports "PIN D13 1 @cycle"; a link copies an output to an input (for loopback tests).
 * - A reset of the board cancels waves (simavr drops all cycle timers) but keeps the
 *   levels of driven pins: the outside world does not reset with the board.
 */
#ifndef VB_PIN_DRIVE_H
#define VB_PIN_DRIVE_H

#include <stdint.h>

#include "pinmap.h"

#define VB_MAX_PINS 70
#define VB_MAX_WAVES 16
#define VB_MAX_LINKS 16

struct vb_core;
struct avr_ioport_t;

#define VB_MAX_PATTERN 64 /* intervals of one `pattern` */
#define VB_MAX_MOVES 16   /* runs of one `quad` */

typedef struct vb_wave {
    struct vb_core *core;
    int active;
    const char *kind;   /* "wave", "pulse", "pattern", "quad" or "echo", for the DONE line */
    int pin;
    uint64_t start;     /* core time of edge 0 */
    uint64_t period;    /* cycles per full period (two edges); for quad: cycles per step */
    uint32_t count;     /* edges in all */
    uint32_t next;      /* index of the next edge */
    /* pattern: edge k > 0 lands at start + at[k-1] (cumulative intervals); NULL-free when n_at == 0. */
    uint64_t at[VB_MAX_PATTERN];
    uint32_t n_at;
    /* quad: pin B, and runs of steps (+n forward: A leads B; -n backward), walked with a cursor. */
    int pin2;
    int32_t moves[VB_MAX_MOVES];
    uint32_t n_moves, move, done_in_move;
} vb_wave;

/* An HC-SR04 model: when the firmware's trigger output falls after >= 10 us high, the echo pin
 * goes high `delay` cycles later for `width` cycles (0: no echo at all). */
typedef struct vb_sonar {
    int active;
    int trig, echo;
    uint64_t width, delay;
    uint64_t rose_at;   /* core time the trigger went high, or 0 */
    uint64_t triggers;  /* trigger pulses seen */
} vb_sonar;

typedef struct vb_pin_hook {
    struct vb_core *core;
    int pin;
} vb_pin_hook;

/* A pin's high pulses, measured from its output changes in simulated cycles (`widths D9`):
 * count, shortest, longest and latest width, shortest and longest rise-to-rise period. */
typedef struct vb_pulse_meter {
    uint8_t on;
    uint64_t rise, last_rise; /* 0: none seen yet */
    uint64_t n, min, max, last, pmin, pmax;
} vb_pulse_meter;

typedef struct vb_pin_drive {
    int8_t driven[VB_MAX_PINS];    /* level we drive, or -1 */
    int8_t out_level[VB_MAX_PINS]; /* latest output level the firmware set, or -1 */
    uint8_t watched[VB_MAX_PINS];
    vb_pulse_meter meters[VB_MAX_PINS];
    int n_meters;
    struct { int from, to; } links[VB_MAX_LINKS];
    int n_links;
    vb_wave waves[VB_MAX_WAVES];
    vb_pin_hook hooks[VB_MAX_PINS];
    struct avr_ioport_t *ports[26]; /* by letter - 'A' */
    uint8_t ext_mask[26], ext_value[26];
    vb_sonar sonar;
    int driving;                    /* >0 while we raise a pin IRQ ourselves */
    uint64_t edges_driven;
    /* Optional probe for benchmarks: every level we put on a pin, at its core time. */
    void (*on_edge)(void *ctx, int pin, int level, uint64_t cycle);
} vb_pin_drive;

/* Hooks every Arduino pin's IRQ. Call once after the core is built. */
int vb_drive_attach(struct vb_core *core, char *err, unsigned errlen);
/* Drives a pin to a level now. */
void vb_drive_set(struct vb_core *core, int pin, int level);
/* The level we drive (-1 none). */
int vb_drive_level(struct vb_core *core, int pin);
/* Starts count edges from core time `start` (now if in the past by < 1 cycle). Returns -1 with a reason when all slots are busy. */
int vb_drive_wave(struct vb_core *core, const char *kind, int pin, uint64_t start, uint64_t period, uint32_t count,
                  char *err, unsigned errlen);
/* Inverts the pin at `start`, then after each of the n intervals in turn (n + 1 edges). */
int vb_drive_pattern(struct vb_core *core, int pin, uint64_t start, const uint64_t *intervals, uint32_t n, char *err,
                     unsigned errlen);
/* Quadrature on pins a, b from their present levels: one Gray-code step every `step` cycles,
 * moves[i] steps forward (> 0, A leads B) or backward (< 0) in turn; the first step at `start`. */
int vb_drive_quad(struct vb_core *core, int a, int b, uint64_t start, uint64_t step, const int32_t *moves, uint32_t n,
                  char *err, unsigned errlen);
/* The HC-SR04 model on (trig output, echo input); width 0 = no echo. active 0 removes it. */
void vb_drive_sonar(struct vb_core *core, int active, int trig, int echo, uint64_t width, uint64_t delay);
/* Number of waves still running on a pin (-1: any pin). */
int vb_drive_waves_running(struct vb_core *core, int pin);
/* Stops every wave; emits "CANCELLED <kind> <pin> <why>" for each. */
void vb_drive_cancel_all(struct vb_core *core, const char *why);
int vb_drive_link(struct vb_core *core, int from, int to, char *err, unsigned errlen);
int vb_drive_unlink(struct vb_core *core, int from, int to);
void vb_drive_watch(struct vb_core *core, int pin, int on);
/* Measures the pin's pulses from now on; emits "WIDTHS D9 n=.. min=.. max=.. last=..
 * period_min=.. period_max=.." (cycles; 0 when none) for what was measured since the previous
 * call, then starts over. The first call starts measuring and reports n=0. */
void vb_drive_widths(struct vb_core *core, int pin);
/* The level the pin reads as an input: ours when driven, else simavr's (pull-up, floating 0). */
int vb_drive_input(struct vb_core *core, int pin);
/* The firmware's output level on a pin, or -1 when the pin is an input. */
int vb_drive_output(struct vb_core *core, int pin);
/* Puts millivolts on an ADC channel. */
void vb_drive_adc(struct vb_core *core, int channel, uint32_t millivolts);
/* After a board reset: puts the driven levels back on the pins. */
void vb_drive_after_reset(struct vb_core *core);

#endif
