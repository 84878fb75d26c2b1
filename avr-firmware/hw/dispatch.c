/* TASK_RX: received bytes -> frames -> commands -> answers.
 *
 * Every valid command gets exactly one answer (ACK, a result or a NAK); a module's command is
 * run by its module (the analog module's ANALOG_READ answers later, from TASK_ADC), and one
 * whose module is not built in is NAKed unknown_command. A frame that fails COBS, length or CRC is counted and not
 * answered. The task waits (keeping the decoded frame) while the TX ring lacks room for an
 * answer, so answers are never dropped; meanwhile new bytes queue in the RX ring and, if the
 * host floods, the overflow is counted. At most RX_BUDGET bytes per run, so a flood of
 * bytes cannot starve the events task. */
#include <avr/io.h>
#include "answers.h"
#include "clock.h"
#include "command.h"
#include "critical.h"
#include "edges.h"
#include "executor.h"
#include "frame_reader.h"
#include "gpio.h"
#include "modules.h"
#include "pins.h"
#include "protocol.h"
#include "uart.h"

#define RX_BUDGET 16

extern uint8_t reset_cause; /* start_328p.S, start_2560.S */

static struct frame_reader reader;
static uint8_t have_frame;

static const struct hello_info hello_template PROGMEM = {
    .proto_version = PROTO_VERSION,
    .fw_major = FW_MAJOR,
    .fw_minor = FW_MINOR,
    .signature = MCU_SIGNATURE,
    .f_cpu = F_CPU,
    .tick_ns = TICK_NS,
    .capabilities = CAP_EDGES | CAP_DEBOUNCE | CAP_PCINT | CAP_LOST | MODULE_CAPS, /* + the modules' */
    .baud = BAUD,
    .n_pins = N_PINS,
};

void send_hello(uint8_t req)
{
    struct hello_info h;
    memcpy_P(&h, &hello_template, sizeof h);
    h.reset_cause = reset_cause;
    tx_commit(answer_hello(&tx, req, &h));
}

static void send_stats(uint8_t req)
{
    struct drops d = {N_SOURCES, source_ids, drop_count, 0};
    tx_commit(answer_stats(&tx, req, &link_stats, &d)); /* copies the counters with interrupts off */
}

/* A module's command: its handler answers, or returns a NAK code like the cases here. */
#define MODULE_CASE(type, handler) \
    case type:                     \
        return handler(c, detail);
/* A module's pin command: a case of the pin commands, and its call once the pin is checked. */
#define PIN_CASE(type, fn) case type:
#define PIN_CALL(type, fn) \
    case type:             \
        nak = fn(c->pin, c->arg); \
        break;

/* Runs one well-formed command; returns 0 when it answered (or will answer), else a NAK code.
 * The answers that are a plain payload (PONG, CLOCK, RESET_CAUSE, LEVEL, ACK) share one answer_send. */
static uint8_t run(const struct command *c, uint8_t *detail)
{
    uint8_t nak, type = ANS_ACK, n = 0;
    const void *payload = 0;
    uint32_t now;
    struct __attribute__((packed)) { uint8_t pin, level; uint32_t ts; } lv; /* READ_PIN's LEVEL, ARM's ACK */
    switch (c->type) {
    case CMD_HELLO: send_hello(c->req); return 0;
    case CMD_STATS: send_stats(c->req); return 0;
    MODULE_COMMANDS(MODULE_CASE) /* the modules' commands (modules.h) */
    case CMD_PING: type = ANS_PONG; payload = c->data; n = c->data_len; break; /* <= PING_MAX (command.c) */
    case CMD_CLOCK: now = clock_now(); type = ANS_CLOCK; payload = &now; n = 4; break;
    case CMD_RESET_CAUSE: type = ANS_RESET_CAUSE; payload = &reset_cause; n = 1; break;
    default: /* a module's command whose module is not built in (the parser knows them all) */
        *detail = c->type;
        return NAK_UNKNOWN_COMMAND;
    case CMD_PIN_MODE:
    case CMD_ARM:
    case CMD_READ_PIN:
    MODULE_PIN_COMMANDS(PIN_CASE) /* the modules' pin commands (modules.h) */
    case CMD_DIGITAL_WRITE: /* these act on a pin and are ACKed */
        *detail = c->pin;
        if ((nak = gpio_check(c->pin)) != 0)
            return nak;
        switch (c->type) {
        case CMD_PIN_MODE: nak = gpio_mode(c->pin, c->arg); break;
        case CMD_ARM: nak = edges_arm(c->pin, c->arg, c->debounce); break;
        case CMD_READ_PIN:
            /* The level and its tick read with interrupts off: an edge's ISR after it stamps a
             * later or equal tick (PROTOCOL.md, READ_PIN). */
            CRITICAL_IN_TASK {
                lv.level = pin_level(c->pin);
                lv.ts = clock_now();
            }
            lv.pin = c->pin;
            type = ANS_LEVEL;
            payload = &lv;
            n = sizeof lv;
            break;
        MODULE_PIN_COMMANDS(PIN_CALL)
        default: nak = gpio_write(c->pin, c->arg); break; /* CMD_DIGITAL_WRITE */
        }
        if (nak)
            return nak;
    }
    tx_commit(answer_send(&tx, type, c->req, payload, n));
    return 0;
}

static void execute(const uint8_t *body, uint8_t len)
{
    struct command c;
    uint8_t detail = 0, nak = command_parse(body, len, &c, &detail);
    if (!nak)
        nak = run(&c, &detail);
    if (nak)
        tx_commit(answer_nak(&tx, c.req, nak, detail));
}

void task_rx(void)
{
    for (uint8_t budget = RX_BUDGET; budget; budget--) {
        if (!have_frame) {
            if (!rx_available())
                return;
            enum fr_result r = frame_reader_feed(&reader, rx_take());
            if (r >= FR_COBS) { /* a bad frame: counted, never answered */
                uint16_t *count = r == FR_CRC ? &link_stats.crc_errors : &link_stats.bad_frames;
                ++*count;
            }
            if (r != FR_OK)
                continue;
            have_frame = 1;
        }
        if (tx_free() < MAX_ANSWER_WIRE)
            return; /* the UDRE ISR wakes us when there is room */
        execute(reader.body, reader.frame_len);
        have_frame = 0;
    }
    wake(TASK_RX); /* budget spent: let the others run, then continue */
}
