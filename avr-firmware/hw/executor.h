/* The executor: the main loop runs tasks whose ready bit is set, and sleeps when none is.
 *
 * A ready bit is the firmware's waker: an ISR (or a task) sets it with wake_from_isr()/wake(),
 * and the task runs on the next pass of the loop. Duplicate wakes collapse into one bit, so a
 * task must look at the state it waits for, not count wakes. Tasks are plain functions that
 * return quickly; protothread tasks (pt.h) keep a few bytes of state between runs.
 *
 * Sleep is race-free: interrupts are disabled while the ready bits are checked, and
 * `sei; sleep` are adjacent — the AVR executes the instruction after `sei` before taking any
 * interrupt, so a wake that arrives after the check still ends the sleep.
 *
 * Trade-offs: 8 tasks at most (one byte of bits), no priorities (tasks run in bit order, so
 * lower bits go first), and a task that never returns stalls everything. */
#ifndef WW_EXECUTOR_H
#define WW_EXECUTOR_H

/* The built-in tasks, by bit. User tasks take the remaining bits (executor.c calls each by its
 * bit). TASK_EVENTS comes first: when the edge ISR has started the line on a sleeping board
 * (edge_isr.S), the frame it began must be written before any other task writes one. */
#define TASK_EVENTS_BIT 0   /* the event ring: EVENTS frames */
#define TASK_RX_BIT 1       /* received bytes: frames, commands, answers */
#define TASK_ADC_BIT 2      /* a finished conversion: the ANALOG answer */
#define TASK_DEBOUNCE_BIT 3 /* debounce windows that have ended */
#define TASK_USER0_BIT 4    /* the example task, when compiled in */
#define TASK_EVENTS (1 << TASK_EVENTS_BIT)
#define TASK_RX (1 << TASK_RX_BIT)
#define TASK_ADC (1 << TASK_ADC_BIT)
#define TASK_DEBOUNCE (1 << TASK_DEBOUNCE_BIT)
#define TASK_USER0 (1 << TASK_USER0_BIT)
#define TASKS_WAITING_FOR_TX (TASK_RX | TASK_EVENTS | TASK_ADC)

#ifndef __ASSEMBLER__ /* the bits above are shared with the edge ISR (edge_isr.S) */
#include <stdint.h>
#include "critical.h"

/* The ready bits live in GPIOR0, an I/O register: setting a bit is `in; or; out` (3 cycles,
 * no RAM), and an ISR that does only that needs no call and no register spills. */
#include <avr/io.h>
#define ready GPIOR0

/* From an ISR (interrupts already off). Always inlined: a call from an ISR makes avr-gcc
 * save all twelve call-clobbered registers first. */
static inline __attribute__((always_inline)) void wake_from_isr(uint8_t bits) { ready |= bits; }
/* From task context. */
static inline __attribute__((always_inline)) void wake(uint8_t bits)
{
    CRITICAL { ready |= bits; }
}

/* Runs forever. */
void executor_run(void) __attribute__((noreturn));

#endif /* __ASSEMBLER__ */
#endif
