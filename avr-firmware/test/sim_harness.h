/* The harness every sim_*.c test shares: the real firmware ELF in libsimavr, the UART bridge
 * (commands built with the firmware's own frame writer go in through the UART's input IRQ,
 * answers come out through its output IRQ into the firmware's own frame reader), running
 * simulated cycles, walking EVENTS records, pins. One MCU at a time (sim_avr). Each test keeps
 * its own scenario, counters and checks; simulated cycles only, never wall-clock time. */
#ifndef SIM_HARNESS_H
#define SIM_HARNESS_H

#include <stdint.h>
#include <stdio.h>

#include <simavr/sim_avr.h>
#include <simavr/sim_elf.h>
#include <simavr/sim_irq.h>

#define SIM_F_CPU 16000000L
#define SIM_CYCLES_MS 16000L

extern avr_t *sim_avr;     /* the MCU sim_start made */
extern const char *sim_name; /* the test's name, first in every message */
extern long sim_bad;       /* bytes the frame reader refused (a bad frame each) since sim_uart */
extern int sim_failures;   /* SIM_CHECKs that failed */

/* A check that prints "<name>: FAIL: <why>" and counts, and lets the test go on. */
#define SIM_CHECK(cond, ...)                    \
    do {                                        \
        if (!(cond)) {                          \
            printf("%s: FAIL: ", sim_name);     \
            printf(__VA_ARGS__);                \
            printf("\n");                       \
            sim_failures++;                     \
        }                                       \
    } while (0)

/* Names the test and silences simavr's chatter ("Loaded 5998 .text ..."), errors aside. */
/* Little-endian u32 at p; an unsigned LEB128 at p[*i] (at most n bytes, *i moved past it), as
 * the firmware's frames carry them. */
uint32_t sim_rd32(const uint8_t *p);
uint32_t sim_leb(const uint8_t *p, int *i, int n);

void sim_init(const char *name);
/* Reads `elf` for `mcu` at 16 MHz (vcc_mv: Vcc = AVcc = ARef, 0 leaves them unset); 0, or 2 after a message. */
int sim_read_elf(const char *elf, const char *mcu, int vcc_mv, elf_firmware_t *fw);
/* A fresh MCU with `fw` loaded (sim_avr), the host queue empty; NULL after a message. */
avr_t *sim_start(elf_firmware_t *fw);
/* Both: NULL after a message (the test exits 2). */
avr_t *sim_load(const char *elf, const char *mcu, int vcc_mv);

/* Bridges UART0: off simavr's stdout, every byte out to on_byte (may be NULL) then the frame
 * reader, every good frame (body, length with the CRC) to on_frame, every bad one counted. */
void sim_uart(void (*on_frame)(const uint8_t *body, int len), void (*on_byte)(void));

/* One avr_run; 1 after a message if the firmware stopped (done or crashed). */
int sim_step(void);
/* Runs to cycle `end`; 1 after a message if the firmware stopped. */
int sim_run_until(long long end);
/* Runs `cycles` more; 1 after a message if the firmware stopped. */
int sim_run_for(long long cycles);

/* The host's queue to the board: one byte every byte_cycles, frame_gap cycles after each frame's
 * closing 0x00 instead when non-zero (so each answer comes before the next command runs). */
void sim_tx_pace(long byte_cycles, long frame_gap);
/* Appends a command with seq 0 to the queue (a script sent from sim_feed_in on). */
void sim_queue(uint8_t type, const uint8_t *args, int n);
/* Appends a command with the next seq and starts feeding in 10 cycles if idle; dropped when
 * more than 160 bytes wait. */
void sim_send(uint8_t type, const uint8_t *args, int n);
/* Starts feeding the queue `cycles` from now. */
void sim_feed_in(avr_cycle_count_t cycles);
/* Empties the queue (after avr_reset, which drops the feeder's timer). */
void sim_tx_clear(void);
/* Marks the end of what is queued so far: sim_tx_marked_at becomes the cycle its last byte went in. */
void sim_tx_mark(void);
extern avr_cycle_count_t sim_tx_marked_at;

/* The records of an EVENTS frame in order: each edge (pin, level, board tick) to on_edge, each
 * LOST marker's count to on_lost. */
void sim_events(const uint8_t *body, int len, void (*on_edge)(int pin, int level, uint32_t tick),
                void (*on_lost)(uint32_t n));

/* The records of a SAMPLES frame (module stream) in order: each sample (ADC channel, 10-bit
 * value, board tick of its trigger) to on_sample, each LOST marker's count to on_lost. */
void sim_samples(const uint8_t *body, int len, void (*on_sample)(unsigned ch, unsigned value, uint32_t tick),
                 void (*on_lost)(uint32_t n));

/* For tests that number their requests 1..max_req (at most 15): skips the boot HELLO, checks
 * each answer's req_id, counts it in sim_answers and hands it on (p: payload after req_id, n:
 * its length without the CRC). Use as sim_uart's on_frame after sim_by_request. */
void sim_by_request(int max_req, void (*on_answer)(int req, uint8_t type, const uint8_t *p, int n));
void sim_request_frame(const uint8_t *body, int len);
extern int sim_answers[16];
/* Every request answered exactly once, no bad frame. */
void sim_check_answered_once(void);
/* The module tests' command line, `<elf> <mcu> with|without` (modules/<name>/test/sim_<name>.c):
 * 1 with the module, 0 without, -1 after the usage line. */
int sim_with_module(int argc, char **argv);
/* The module tests' run: the queued script fed from 5 ms on, the board run to 30 ms, then every
 * request answered exactly once and no bad frame; 1 if the firmware stopped. */
int sim_run_script(void);
/* HELLO's answer to request 1: the type, the core's capability bits; returns the capabilities. */
unsigned sim_check_hello(uint8_t type, const uint8_t *p, int n);

/* A port pin's IRQ (raising it drives the pin, as a wire would). */
avr_irq_t *sim_pin(char port, int bit);
/* The pin driven from outside as native/vboard/src/pin_drive.c does it: the port's external
 * state first (simavr re-raises it on every PORT/DDR write), then the pin's IRQ. */
void sim_drive_pin(char port, int bit, int level);
/* Forgets the external state of every port (a fresh MCU). */
void sim_pins_clear(void);

#endif
